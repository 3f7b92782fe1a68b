/**
 * The target of `migrate`/`upgrade`, `downgrade` and `stamp`, given as a positional argument or
 * with `--to` (both spell the same thing: `head`, `base`, a name or prefix, `+N`, `-N`).
 *
 * Commander reads a lone `-1` as a command-argument, not an unknown option, because no command
 * defines a digit option (commander 14 checks this); `--to -1` works because `--to` requires a value.
 */
import { Argument } from 'commander';
import { UsageError } from '../errors.js';
import { parseTargetFor, type TargetCommand } from '../runner/target.js';

/** The positional `[target]` argument. */
export function targetArgument(description: string): Argument {
  return new Argument('[target]', description);
}

/**
 * The one target of a command, from the positional argument or `--to`, checked for the command
 * (before connecting: `upgrade base` or `downgrade +1` are refused at once).
 *
 * @throws UsageError when both are given and differ, or the target does not fit the command.
 * @example
 * chooseTarget('head', undefined, 'upgrade') // => 'head'
 */
export function chooseTarget(positional: string | undefined, to: string | undefined, kind: TargetCommand, command: string = kind): string | undefined {
  if (positional !== undefined && to !== undefined && positional !== to) {
    throw new UsageError(`${command}: the target is given twice (${JSON.stringify(positional)} and --to ${JSON.stringify(to)})`, {
      hint: `give it once, e.g. worlddb ${command} ${positional}`,
    });
  }
  const target = positional ?? to;
  if (target !== undefined) parseTargetFor(target, kind);
  return target;
}
