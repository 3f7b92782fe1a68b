/**
 * Comparison of the schema-level objects besides tables and enums: sequences, domains, views,
 * functions, triggers and extensions. Bodies compare as text, so both states must hold them as
 * Postgres prints them (autogenerate normalises the model's side through a scratch schema).
 */
import type { Operation } from '../ops/operation.js';
import type { DomainState, SequenceState, ViewState } from '../schema/object-types.js';
import type { SchemaState } from '../schema/types.js';
import { deepEqual, differences } from './differences.js';

function sameSequenceOptions(a: SequenceState, b: SequenceState): boolean {
  return deepEqual({ ...a, ownedBy: null }, { ...b, ownedBy: null });
}

function compareSequences(from: readonly SequenceState[], to: readonly SequenceState[]): Operation[] {
  const split = differences(from, to);
  const ops: Operation[] = [];
  for (const s of split.added) {
    ops.push({ kind: 'createSequence', sequence: s });
    if (s.ownedBy !== null) ops.push({ kind: 'setSequenceOwner', sequence: s.name, from: null, to: s.ownedBy });
  }
  for (const s of split.removed) {
    // Without its owner first: dropping the owning column or table would drop the sequence too.
    if (s.ownedBy !== null) ops.push({ kind: 'setSequenceOwner', sequence: s.name, from: s.ownedBy, to: null });
    ops.push({ kind: 'dropSequence', sequence: s });
  }
  for (const { from: a, to: b } of split.modified) {
    if (!sameSequenceOptions(a, b)) ops.push({ kind: 'alterSequence', from: { ...a, ownedBy: b.ownedBy }, to: b });
    if (!deepEqual(a.ownedBy, b.ownedBy)) {
      // Two steps when the owner moves, so that each runs in its phase (removed early, set late).
      if (a.ownedBy !== null && b.ownedBy !== null) {
        ops.push({ kind: 'setSequenceOwner', sequence: b.name, from: a.ownedBy, to: null });
        ops.push({ kind: 'setSequenceOwner', sequence: b.name, from: null, to: b.ownedBy });
      } else {
        ops.push({ kind: 'setSequenceOwner', sequence: b.name, from: a.ownedBy, to: b.ownedBy });
      }
    }
  }
  return ops;
}

function compareDomains(from: readonly DomainState[], to: readonly DomainState[]): Operation[] {
  const split = differences(from, to);
  const ops: Operation[] = [];
  for (const d of split.added) ops.push({ kind: 'createDomain', domain: d });
  for (const d of split.removed) ops.push({ kind: 'dropDomain', domain: d });
  for (const { from: a, to: b } of split.modified) ops.push({ kind: 'alterDomain', from: a, to: b });
  return ops;
}

function compareViews(from: readonly ViewState[], to: readonly ViewState[]): Operation[] {
  const split = differences(from, to);
  const ops: Operation[] = [];
  for (const v of split.added) ops.push({ kind: 'createView', view: v });
  for (const v of split.removed) ops.push({ kind: 'dropView', view: v });
  for (const { from: a, to: b } of split.modified) {
    if (a.definition !== b.definition || a.materialized !== b.materialized) {
      ops.push({ kind: 'dropView', view: a }, { kind: 'createView', view: b });
      continue;
    }
    // Only the indexes of a materialized view differ.
    const indexes = differences(a.indexes, b.indexes);
    for (const index of indexes.removed) ops.push({ kind: 'dropIndex', table: a.name, index });
    for (const { from: before, to: after } of indexes.modified) {
      ops.push({ kind: 'dropIndex', table: a.name, index: before }, { kind: 'createIndex', table: b.name, index: after });
    }
    for (const index of indexes.added) ops.push({ kind: 'createIndex', table: b.name, index });
  }
  return ops;
}

/**
 * The operations turning the sequences, domains, views, functions, triggers and extensions of
 * `from` into those of `to`. A changed view or trigger is dropped and created again; a changed
 * function is replaced in place (see `replaceFunction`); a domain or sequence is altered in
 * place. An extension the model needs is created (`IF NOT EXISTS`); one installed in the
 * schema that the model does not list is dropped (a destructive operation).
 *
 * @example
 * compareObjects(live, model)
 * // => [{ kind: 'createView', view: { name: 'film_list', ... } }]
 */
export function compareObjects(from: SchemaState, to: SchemaState): Operation[] {
  const ops: Operation[] = [
    ...compareSequences(from.sequences ?? [], to.sequences ?? []),
    ...compareDomains(from.domains ?? [], to.domains ?? []),
    ...compareViews(from.views ?? [], to.views ?? []),
  ];
  const functions = differences(from.functions ?? [], to.functions ?? []);
  for (const f of functions.added) ops.push({ kind: 'createFunction', function: f });
  for (const f of functions.removed) ops.push({ kind: 'dropFunction', function: f });
  for (const { from: a, to: b } of functions.modified) ops.push({ kind: 'replaceFunction', from: a, to: b });
  const triggers = differences(from.triggers ?? [], to.triggers ?? []);
  for (const t of triggers.added) ops.push({ kind: 'createTrigger', trigger: t });
  for (const t of triggers.removed) ops.push({ kind: 'dropTrigger', trigger: t });
  for (const { from: a, to: b } of triggers.modified) ops.push({ kind: 'dropTrigger', trigger: a }, { kind: 'createTrigger', trigger: b });
  const extensions = differences(from.extensions ?? [], to.extensions ?? [], (a, b) => a.name === b.name);
  for (const e of extensions.added) ops.push({ kind: 'createExtension', extension: e });
  for (const e of extensions.removed) ops.push({ kind: 'dropExtension', extension: e });
  return ops;
}
