import { describe, expect, it } from 'vitest';
import { renderOperation } from '../../src/render/index.js';
import type { Operation } from '../../src/ops/operation.js';
import { reverseOperation } from '../../src/ops/reverse.js';
import { samples } from '../ops/support/samples.js';

const render = (op: Operation): string[] => renderOperation(op, { schema: 'asia' });

describe('render: schema-level objects', () => {
  it('creates, alters, owns and drops a sequence', () => {
    expect(render(samples.createSequence)).toEqual([
      'CREATE SEQUENCE "countries_id_seq" AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE',
    ]);
    expect(render(samples.alterSequence)).toEqual([
      'ALTER SEQUENCE "countries_id_seq" AS integer INCREMENT BY 10 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 CYCLE',
    ]);
    expect(render(samples.setSequenceOwner)).toEqual(['ALTER SEQUENCE "countries_id_seq" OWNED BY "countries"."id"']);
    expect(render(reverseOperation(samples.setSequenceOwner))).toEqual(['ALTER SEQUENCE "countries_id_seq" OWNED BY NONE']);
    expect(render(samples.dropSequence)).toEqual(['DROP SEQUENCE "countries_id_seq"']);
  });

  it('creates a domain with its check, and alters only what changes', () => {
    expect(render(samples.createDomain)).toEqual(['CREATE DOMAIN "year" AS integer CONSTRAINT "year_check" CHECK ((VALUE >= 1901))']);
    expect(render(samples.alterDomain)).toEqual(['ALTER DOMAIN "year" SET DEFAULT 2000', 'ALTER DOMAIN "year" SET NOT NULL']);
    expect(render(reverseOperation(samples.alterDomain))).toEqual(['ALTER DOMAIN "year" DROP DEFAULT', 'ALTER DOMAIN "year" DROP NOT NULL']);
    const retyped: Operation = { kind: 'alterDomain', from: samples.createDomain.domain, to: { ...samples.createDomain.domain, type: 'smallint', checks: [] } };
    expect(render(retyped)).toEqual(['DROP DOMAIN "year"', 'CREATE DOMAIN "year" AS smallint']);
  });

  it('creates a materialized view with its indexes, and drops it by its kind', () => {
    expect(render(samples.createView)).toEqual([
      'CREATE MATERIALIZED VIEW "titles" AS\n SELECT countries.name\n   FROM countries',
      'CREATE INDEX "titles_name_idx" ON "titles" (name)',
    ]);
    expect(render(samples.dropView)).toEqual(['DROP MATERIALIZED VIEW "titles"']);
    expect(render({ kind: 'dropView', view: { ...samples.dropView.view, materialized: false, indexes: [] } })).toEqual(['DROP VIEW "titles"']);
  });

  it('writes a function by its definition, replaces it in place unless its result type changes', () => {
    expect(render(samples.createFunction)).toEqual([samples.createFunction.function.definition]);
    expect(render(samples.dropFunction)).toEqual(['DROP FUNCTION "touch"()']);
    expect(render(samples.replaceFunction)).toEqual([samples.replaceFunction.to.definition]);
    const retyped: Operation = { ...samples.replaceFunction, to: { ...samples.replaceFunction.to, result: 'integer' } };
    expect(render(retyped)).toEqual(['DROP FUNCTION "touch"()', samples.replaceFunction.to.definition]);
  });

  it('turns body checks off before a LANGUAGE sql function, whose body may read tables created later', () => {
    const definition = 'CREATE OR REPLACE FUNCTION n()\n RETURNS bigint\n LANGUAGE sql\nAS $function$SELECT count(*) FROM countries$function$';
    const op: Operation = { kind: 'createFunction', function: { ...samples.createFunction.function, definition } };
    expect(render(op)).toEqual(['SET LOCAL check_function_bodies = off', definition]);
  });

  it('writes triggers and extensions', () => {
    expect(render(samples.createTrigger)).toEqual([samples.createTrigger.trigger.definition]);
    expect(render(samples.dropTrigger)).toEqual(['DROP TRIGGER "touch" ON "countries"']);
    expect(render(samples.createExtension)).toEqual(['CREATE EXTENSION IF NOT EXISTS "pg_trgm"']);
    expect(render(samples.dropExtension)).toEqual(['DROP EXTENSION "pg_trgm"']);
  });
});
