/**
 * What `worlddb init` writes, as plain data (pure): the config, the model stubs, the migration
 * folders' keep files. The command writes them, leaving every existing file alone.
 */

/** What to set up: schemas by name, and groups of schemas matched by a LIKE pattern. */
export interface InitPlan {
  readonly schemas: readonly string[];
  readonly groups: readonly { readonly name: string; readonly like: string }[];
}

/** A file to create, relative to the project root. */
export interface InitFile {
  readonly path: string;
  readonly text: string;
}

/** Marks a model written by `init`: `pull` replaces such a file without `--force`. */
export const MODEL_STUB_MARKER = '// worlddb:model-stub';

/** The config file init writes (TypeScript, so it can carry comments). */
export const INIT_CONFIG_PATH = 'worlddb.config.ts';

/** Where a schema's (or group's) model stub goes. */
export const modelPath = (name: string): string => `src/db/${name}.ts`;

const q = (text: string): string => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/** A plain object key: bare when it is an identifier, quoted otherwise. */
const key = (name: string): string => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : q(name));

/**
 * The files of a new worlddb project.
 *
 * @example
 * initFiles({ schemas: ['asia'], groups: [] }).map((f) => f.path)
 * // => ['worlddb.config.ts', 'src/db/asia.ts', 'migrations/asia/.gitkeep']
 */
export function initFiles(plan: InitPlan): InitFile[] {
  const files: InitFile[] = [{ path: INIT_CONFIG_PATH, text: configText(plan) }];
  for (const schema of plan.schemas) {
    files.push({ path: modelPath(schema), text: modelStub(schema, `schema "${schema}"`) });
  }
  for (const group of plan.groups) {
    files.push({ path: modelPath(group.name), text: modelStub(group.name, `every schema of group "${group.name}" (its name here is a placeholder)`) });
  }
  for (const name of [...plan.schemas, ...plan.groups.map((g) => g.name)]) {
    files.push({ path: `migrations/${name}/.gitkeep`, text: '' });
  }
  return files;
}

function configText(plan: InitPlan): string {
  const lines = [
    "import { defineConfig } from 'worlddb';",
    '',
    '// The worlddb config (README: "Config" lists every key). Paths are relative to this folder.',
    'export default defineConfig({',
    '  // Without a URL, worlddb uses the embedded Postgres (PGlite) in database.dataDir.',
    '  // Set DATABASE_URL (or pass --url, or set database.url) to use a server instead.',
    "  database: { dataDir: '.worlddb/pglite' },",
  ];
  if (plan.schemas.length > 0) {
    lines.push(
      '  // One entry per schema: its model (the tables it should have), its own migration folder and',
      '  // version table. `npx worlddb pull --schema NAME` writes the model of an existing schema.',
      '  schemas: {',
    );
    for (const schema of plan.schemas) lines.push(...entry(schema, q(`${schema}_migration_version`)));
    lines.push('  },');
  } else {
    lines.push('  schemas: {},');
  }
  if (plan.groups.length > 0) {
    lines.push(
      '  // A group: one model and one migration folder for every schema matching `members`',
      '  // (`{ like }`, `{ regex }`, `{ query }` or a list of names); {schema} is each member.',
      '  groups: {',
    );
    for (const group of plan.groups) lines.push(...entry(group.name, "'{schema}_migration_version'", `      members: { like: ${q(group.like)} },`));
    lines.push('  },');
  }
  lines.push('});', '');
  return lines.join('\n');
}

/** One schema's (or group's) entry of the config. */
function entry(name: string, versionTable: string, ...more: string[]): string[] {
  return [
    `    ${key(name)}: {`,
    `      model: ${q(modelPath(name))},`,
    `      migrations: ${q(`migrations/${name}`)},`,
    `      versionTable: ${versionTable},`,
    ...more,
    '    },',
  ];
}

function modelStub(name: string, what: string): string {
  return [
    MODEL_STUB_MARKER,
    `// The model of ${what}: the tables it should have.`,
    `// \`npx worlddb pull --schema ${name}\` replaces this file with the tables the database has now;`,
    '// or declare them here, e.g.',
    '//   countries: table({',
    "//     country_id: integer().identity('by default').primaryKey(),",
    '//     name: varchar(100).notNull().unique(),',
    '//   }),',
    '// and run `npx worlddb revision --autogenerate --schema NAME -m "..."`.',
    "import { defineSchema } from 'worlddb/model';",
    '',
    `export default defineSchema(${q(name)}, {`,
    '  tables: {},',
    '});',
    '',
  ].join('\n');
}
