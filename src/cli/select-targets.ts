import type { GroupConfig, ResolvedConfig, SchemaTarget } from '../config/types.js';
import { memberTarget } from '../config/resolve-groups.js';
import type { Queryable } from '../connection/types.js';
import { UsageError } from '../errors.js';

export interface SchemaSelection {
  /** `--schema NAME`, repeatable: a configured schema, or a member of a group. */
  readonly schema?: readonly string[];
  /** `--group NAME`, repeatable. */
  readonly group?: readonly string[];
  /** `--all`: every schema and every group. */
  readonly all?: boolean;
}

/** What the command line chose, before the members of groups are found in the database. */
export interface TargetChoice {
  /** Configured schemas, in config order. */
  readonly schemas: readonly SchemaTarget[];
  /** Groups whose members are wanted (all of them, or only `only`). */
  readonly groups: readonly GroupConfig[];
  /** `--schema` names that are not configured schemas: members of `groups` (or of any group without `--group`). */
  readonly members: readonly string[];
}

/**
 * What a command works on, from the config alone. Commands that change the database need
 * `--schema`, `--group` or `--all`; read-only commands default to everything.
 */
export function chooseTargets(config: ResolvedConfig, selection: SchemaSelection, defaultToAll: boolean): TargetChoice {
  const names = selection.schema ?? [];
  const groupNames = selection.group ?? [];
  if (selection.all === true && (names.length > 0 || groupNames.length > 0)) {
    throw new UsageError(`--all and ${names.length > 0 ? '--schema' : '--group'} cannot be used together`, { hint: 'pass one of them' });
  }
  if (selection.all === true || (names.length === 0 && groupNames.length === 0 && defaultToAll)) {
    return { schemas: [...config.targets], groups: [...config.groups], members: [] };
  }
  if (names.length === 0 && groupNames.length === 0) {
    throw new UsageError('no schema chosen', {
      hint: `pass --schema NAME (one of: ${config.targets.map((t) => t.schema).join(', ')})${config.groups.length > 0 ? `, --group NAME (${config.groups.map((g) => g.name).join(', ')})` : ''} or --all`,
    });
  }
  const groups = groupNames.map((name) => {
    const group = config.groups.find((g) => g.name === name);
    if (group === undefined) {
      const known = config.groups.map((g) => g.name);
      const suggestion = closest(name, known);
      throw new UsageError(`unknown group "${name}"`, {
        hint: known.length === 0 ? 'the config has no "groups"' : `${suggestion === null ? '' : `did you mean "${suggestion}"? `}known groups: ${known.join(', ')}`,
      });
    }
    return group;
  });
  if (groups.length > 0) return { schemas: [], groups, members: names };
  const known = new Map(config.targets.map((t) => [t.schema, t]));
  const members = names.filter((name) => !known.has(name));
  if (members.length > 0 && config.groups.length === 0) {
    const name = members[0] ?? '';
    const suggestion = closest(name, [...known.keys()]);
    throw new UsageError(`unknown schema "${name}"`, {
      hint: `${suggestion === null ? '' : `did you mean "${suggestion}"? `}known schemas: ${[...known.keys()].join(', ')}`,
    });
  }
  return { schemas: config.targets.filter((t) => names.includes(t.schema)), groups: members.length > 0 ? [...config.groups] : [], members };
}

export interface ResolveTargetsOptions {
  /** `--create-schema`: a `--schema` name that does not exist yet becomes a member (of the one `--group`). */
  readonly createSchema?: boolean;
  /** Finds the members of groups (`listGroupMembers`). */
  readonly listMembers: (groups: readonly GroupConfig[]) => Promise<Map<string, string[]>>;
}

/**
 * The targets of a choice: configured schemas first, then each group's members in the group's
 * order. Asks the database only when a group is involved.
 *
 * @throws UsageError for a `--schema` name that is not a member (with `--create-schema`: that
 *   does not fit the group's `members` rule).
 */
export async function resolveTargets(db: Queryable, choice: TargetChoice, options: ResolveTargetsOptions): Promise<SchemaTarget[]> {
  if (choice.groups.length === 0) return [...choice.schemas];
  const found = await options.listMembers(choice.groups);
  const targets: SchemaTarget[] = [...choice.schemas];
  if (choice.members.length === 0) {
    for (const group of choice.groups) for (const member of found.get(group.name) ?? []) targets.push(memberTarget(group, member));
    return targets;
  }
  for (const name of choice.members) {
    const group = choice.groups.find((g) => found.get(g.name)?.includes(name) === true);
    if (group !== undefined) {
      targets.push(memberTarget(group, name));
      continue;
    }
    const only = choice.groups.length === 1 ? choice.groups[0] : undefined;
    if (options.createSchema === true && only !== undefined) {
      await requireFits(db, only, name);
      targets.push(memberTarget(only, name));
      continue;
    }
    const where = choice.groups.length === 1 ? `group "${choice.groups[0]?.name}"` : `any group (${choice.groups.map((g) => g.name).join(', ')})`;
    throw new UsageError(`schema "${name}" is not a configured schema nor a member of ${where}`, {
      hint:
        only === undefined
          ? 'name a configured schema, or pass --group NAME for a group member'
          : `members are ${ruleText(only)}; to create it: migrate --group ${only.name} --schema ${name} --create-schema`,
    });
  }
  return targets;
}

/** A new member's name must fit the group's rule, or the next run would not find it. */
async function requireFits(db: Queryable, group: GroupConfig, name: string): Promise<void> {
  const rule = group.members;
  let fits = true;
  if (rule.kind === 'list') fits = rule.names.includes(name);
  if (rule.kind === 'like' || rule.kind === 'regex') {
    const sql = rule.kind === 'like' ? 'SELECT $1::text LIKE $2::text AS fits' : 'SELECT $1::text ~ $2::text AS fits';
    fits = (await db.query<{ fits: boolean }>(sql, [name, rule.pattern])).rows[0]?.fits === true;
  }
  if (!fits) {
    throw new UsageError(`schema "${name}" does not fit the members of group "${group.name}" (${ruleText(group)})`, {
      hint: rule.kind === 'list' ? `add it to config key "groups.${group.name}.members" first` : 'choose a name that fits, or change the rule in the config',
    });
  }
}

function ruleText(group: GroupConfig): string {
  const rule = group.members;
  switch (rule.kind) {
    case 'list':
      return `listed in config key "groups.${group.name}.members"`;
    case 'like':
      return `schemas LIKE '${rule.pattern}'`;
    case 'regex':
      return `schemas matching ~ '${rule.pattern}'`;
    case 'query':
      return `the schemas returned by config key "groups.${group.name}.members.query"`;
  }
}

function closest(name: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Configured schemas only, for the commands that do not work on groups: a `--group`, or a
 * `--schema` that is no configured schema, is refused naming the command.
 */
export function selectSchemaTargets(config: ResolvedConfig, selection: SchemaSelection, defaultToAll: boolean, command = 'this command'): SchemaTarget[] {
  const choice = chooseTargets(config, selection, defaultToAll);
  if ((selection.group ?? []).length > 0 || choice.members.length > 0) {
    const name = choice.members[0];
    throw new UsageError(name === undefined ? `${command} does not take --group` : `${command}: unknown schema "${name}"`, {
      hint: `${command} works on the configured schemas: ${config.targets.map((t) => t.schema).join(', ')}`,
    });
  }
  return [...choice.schemas];
}

/** {@link selectSchemaTargets}, by its older name. */
export const selectTargets = selectSchemaTargets;
