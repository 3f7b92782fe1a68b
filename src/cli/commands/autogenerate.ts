import type { SchemaTarget, VersionTableRef } from '../../config/types.js';
import type { Session } from '../../connection/types.js';
import { renameCandidates, type RenameHints } from '../../diff/index.js';
import { RefusedError } from '../../errors.js';
import { compareModel, type ModelComparison } from '../../autogenerate/compare-model.js';
import { loadModel } from '../../autogenerate/load-model.js';
import { status } from '../../runner/index.js';
import type { Output } from '../output.js';
import { withRename } from '../parse-renames.js';

/** A command-line argument as a shell would need it (single-quoted when it holds anything unusual). */
function shellArgument(text: string): string {
  return /^[A-Za-z0-9_.=:/-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * Refuses to autogenerate for a schema whose database is not at head: the comparison would
 * otherwise write again what a pending migration already does.
 */
export async function requireAtHead(session: Session, target: SchemaTarget): Promise<void> {
  const current = await status(session, target);
  if (current.pending.length > 0) {
    throw new RefusedError(
      `schema "${target.schema}" is not at head: ${current.pending.length} pending migration${current.pending.length === 1 ? '' : 's'} (${current.pending[0]}${current.pending.length > 1 ? ', ...' : ''})`,
      { hint: `run worlddb migrate --schema ${target.schema} first, then autogenerate` },
    );
  }
}

/**
 * Compares the schema's model with its database, settling possible renames: asked on a terminal,
 * taken from `--rename` otherwise, and else left as drop + add with a warning that says which
 * `--rename` would declare them.
 */
export async function compareWithRenames(
  session: Session,
  target: SchemaTarget,
  output: Output,
  hints: RenameHints | undefined,
  cwd: string,
  versionTables: readonly VersionTableRef[] = [],
): Promise<ModelComparison> {
  const model = await loadModel(target, cwd);
  let renames = hints;
  let comparison = await compareModel(session, target, model, { versionTables, ...(renames === undefined ? {} : { renames }) });
  // Tables first: a renamed table's columns are only comparable once the table rename is known.
  for (const kind of ['tables', 'columns'] as const) {
    const candidates = renameCandidates(comparison.live, comparison.desired, renames ?? {});
    let changed = false;
    if (kind === 'tables') {
      for (const c of candidates.tables) {
        const question = `${target.schema}: was table ${c.from} renamed to ${c.to}?`;
        if (await output.confirm(question)) {
          renames = withRename(renames, { table: c.from, to: c.to });
          changed = true;
        } else if (!output.interactive) {
          output.err(output.errColor.yellow(`warning: ${target.schema}: table ${c.from} is dropped and ${c.to} created; if it is a rename, pass --rename ${shellArgument(`${target.schema}.${c.from}=${c.to}`)}`));
        }
      }
    } else {
      for (const c of candidates.columns) {
        const question = `${target.schema}: was column ${c.table}.${c.from} renamed to ${c.to}?`;
        if (await output.confirm(question)) {
          renames = withRename(renames, { table: c.table, column: c.from, to: c.to });
          changed = true;
        } else if (!output.interactive) {
          output.err(output.errColor.yellow(`warning: ${target.schema}: column ${c.table}.${c.from} is dropped and ${c.to} added; if it is a rename, pass --rename ${shellArgument(`${target.schema}.${c.table}.${c.from}=${c.to}`)}`));
        }
      }
    }
    if (changed) comparison = await compareModel(session, target, model, { versionTables, ...(renames === undefined ? {} : { renames }) });
  }
  return comparison;
}
