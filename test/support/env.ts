/** Where the real-server tests connect (an admin database; each test file creates its own database). */
export const ADMIN_URL = process.env['WORLDDB_TEST_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** In CI (or when asked), a real server that cannot be reached fails the run instead of skipping. */
export const REQUIRE_SERVER = process.env['CI'] === 'true' || process.env['CI'] === '1' || process.env['WORLDDB_REQUIRE_PG'] === '1';

/** The prepared PGlite data folder that each test file copies (creating one costs seconds). */
export const PGLITE_TEMPLATE_DIR = new URL('../../.worlddb/test-template/pglite', import.meta.url).pathname;
