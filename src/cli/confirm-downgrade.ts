/**
 * Before a downgrade runs: say what it will destroy, and ask. On a terminal the user answers; on a
 * pipe it is refused unless `--yes` was given. Nothing that destroys rows: no question.
 */
import { ConfirmationError } from '../errors.js';
import type { DowngradeImpact, Loss } from '../runner/downgrade-impact.js';
import type { Output } from './output.js';

function lossText(loss: Loss): string {
  const d = loss.destruction;
  const held = (unit: string): string =>
    loss.rows === null ? ' (does not exist now)' : ` (${loss.rows} ${unit}${loss.rows === 1 ? '' : 's'})`;
  switch (d.kind) {
    case 'table':
      return `drops table ${d.schema}.${d.table}${held('row')}`;
    case 'truncate':
      return `empties table ${d.schema}.${d.table}${held('row')}`;
    case 'column':
      return `drops column ${d.schema}.${d.table}.${d.column}${held('value')}`;
    case 'schema':
      return `drops schema ${d.schema} and everything in it${loss.rows === null ? '' : ` (${loss.rows} row${loss.rows === 1 ? '' : 's'} in its tables)`}`;
    case 'type':
      return `drops type ${d.schema}.${d.type}`;
  }
}

/**
 * Prints what the downgrades will destroy (stderr) and asks when rows would be lost.
 *
 * @throws ConfirmationError when rows would be lost and the user said no, or could not be asked
 *   and `yes` is false.
 */
export async function confirmDowngrade(output: Output, impacts: readonly DowngradeImpact[], yes: boolean): Promise<void> {
  const { errColor } = output;
  const lines: string[] = [];
  for (const impact of impacts) {
    for (const loss of impact.losses) lines.push(`${impact.schema}: ${loss.migration} ${lossText(loss)}`);
    for (const warning of impact.warnings) lines.push(`${impact.schema}: ${warning.migration} ${warning.text}`);
    for (const name of impact.unreadable) lines.push(`${impact.schema}: ${name} has a code down part: what it destroys cannot be told`);
  }
  if (lines.length === 0) return;
  const losing = impacts.flatMap((impact) => impact.losses.filter((loss) => (loss.rows ?? 0) > 0).map((loss) => ({ impact, loss })));
  output.err(errColor.yellow(losing.length > 0 ? 'downgrade will destroy data:' : 'downgrade will run:'));
  for (const line of lines) output.err(errColor.yellow(`  ${line}`));
  if (losing.length === 0 || yes) return;
  const first = losing[0] as { impact: DowngradeImpact; loss: Loss };
  const summary = `${first.impact.schema}: ${lossText(first.loss)}${losing.length > 1 ? ` and ${losing.length - 1} more` : ''}`;
  if (output.interactive) {
    if (await output.confirm('Destroy this data and downgrade?')) return;
    throw new ConfirmationError(`downgrade not confirmed (${summary})`, { hint: 'nothing was changed' });
  }
  throw new ConfirmationError(`downgrade would destroy data and was not confirmed: ${summary}`, {
    hint: 'nothing was changed; run it on a terminal to answer, or pass --yes to confirm (worlddb downgrade --sql shows what it runs)',
  });
}
