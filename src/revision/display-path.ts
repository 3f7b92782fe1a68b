import path from 'node:path';

/**
 * A file path as it is shown in messages: relative to the working directory when the file is
 * inside it (`migrations/asia/20261126154200_create_countries.sql`), absolute otherwise.
 */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return file;
  return relative;
}
