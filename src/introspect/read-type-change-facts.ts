/**
 * What the catalog says about column type changes: whether Postgres has a cast that keeps the
 * data, and which objects use the column. Two queries whatever the number of changes.
 */
import type { Queryable } from '../connection/types.js';
import type { TypeChangeCast, TypeChangeSafety } from '../ops/type-change-safety.js';
import { withSchemaSearchPath } from './with-schema-search-path.js';

/** One type change to look up: the column (as it is in the database) and its two types. */
export interface TypeChangeQuestion {
  readonly table: string;
  readonly column: string;
  readonly from: string;
  readonly to: string;
}

interface RawCastRow {
  readonly ord: string;
  readonly cast: TypeChangeCast;
}

interface RawUseRow {
  readonly ord: string;
  readonly what: string;
}

/**
 * The cast Postgres would use for each pair of types (printed as `format_type` prints them,
 * resolved with `search_path` set to the schema): the same type (a modifier change), a
 * `pg_cast` entry by its context (implicit, assignment, explicit), the automatic I/O casts to a
 * string type (assignment) and from one (explicit), the element cast of two array types, or none.
 */
const CASTS_QUERY = `
WITH pairs AS (
  SELECT x.ord, pg_catalog.to_regtype(x.from_type) AS s, pg_catalog.to_regtype(x.to_type) AS t
  FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS x(from_type, to_type, ord)
), elements AS (
  SELECT p.ord, p.s, p.t,
    COALESCE(NULLIF(st.typelem, 0), p.s) AS se, COALESCE(NULLIF(tt.typelem, 0), p.t) AS te,
    (st.typcategory = 'A' AND tt.typcategory = 'A') AS arrays
  FROM pairs p
  LEFT JOIN pg_catalog.pg_type st ON st.oid = p.s
  LEFT JOIN pg_catalog.pg_type tt ON tt.oid = p.t
)
SELECT e.ord::text AS ord,
  CASE
    WHEN e.s IS NULL OR e.t IS NULL THEN 'unknown'
    WHEN e.s = e.t THEN 'same'
    WHEN c.castcontext = 'i' THEN 'implicit'
    WHEN c.castcontext = 'a' THEN 'assignment'
    WHEN c.castcontext = 'e' THEN 'explicit'
    WHEN e.arrays AND e.se = e.te THEN 'same'
    WHEN ec.castcontext IN ('i', 'a') THEN 'assignment'
    WHEN ec.castcontext = 'e' THEN 'explicit'
    WHEN ett.typcategory = 'S' THEN 'assignment'
    WHEN est.typcategory = 'S' THEN 'explicit'
    ELSE 'none'
  END AS cast
FROM elements e
LEFT JOIN pg_catalog.pg_cast c ON c.castsource = e.s AND c.casttarget = e.t
LEFT JOIN pg_catalog.pg_cast ec ON e.arrays AND ec.castsource = e.se AND ec.casttarget = e.te
LEFT JOIN pg_catalog.pg_type est ON est.oid = e.se
LEFT JOIN pg_catalog.pg_type ett ON ett.oid = e.te`;

/**
 * The objects using each column: indexes, constraints, views (through their rewrite rule) and
 * rules that depend on it in `pg_depend`, and the triggers of its table that name it (in `UPDATE
 * OF` or `WHEN`, which `pg_depend` records, or in the source of their function, which it does not).
 */
const USES_QUERY = `
WITH cols AS (
  SELECT x.ord, c.oid AS relid, a.attnum, x.col
  FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS x(tbl, col, ord)
  JOIN pg_catalog.pg_class c ON c.relname = x.tbl
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace AND n.nspname = $3
  JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attname = x.col AND NOT a.attisdropped
)
SELECT DISTINCT cols.ord::text AS ord,
  CASE
    WHEN d.classid = 'pg_catalog.pg_rewrite'::regclass THEN
      (SELECT CASE rc.relkind WHEN 'm' THEN 'materialized view ' ELSE 'view ' END || pg_catalog.quote_ident(rc.relname)
       FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class rc ON rc.oid = r.ev_class WHERE r.oid = d.objid)
    WHEN d.classid = 'pg_catalog.pg_class'::regclass THEN
      (SELECT 'index ' || pg_catalog.quote_ident(ic.relname) FROM pg_catalog.pg_class ic WHERE ic.oid = d.objid)
    WHEN d.classid = 'pg_catalog.pg_constraint'::regclass THEN
      (SELECT 'constraint ' || pg_catalog.quote_ident(co.conname) FROM pg_catalog.pg_constraint co WHERE co.oid = d.objid)
    WHEN d.classid = 'pg_catalog.pg_trigger'::regclass THEN
      (SELECT 'trigger ' || pg_catalog.quote_ident(tg.tgname) FROM pg_catalog.pg_trigger tg WHERE tg.oid = d.objid)
  END AS what
FROM cols
JOIN pg_catalog.pg_depend d
  ON d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid = cols.relid AND d.refobjsubid = cols.attnum
  AND d.deptype IN ('n', 'a')
  AND d.classid IN ('pg_catalog.pg_rewrite'::regclass, 'pg_catalog.pg_class'::regclass,
                    'pg_catalog.pg_constraint'::regclass, 'pg_catalog.pg_trigger'::regclass)
UNION
SELECT cols.ord::text, 'trigger ' || pg_catalog.quote_ident(tg.tgname)
FROM cols
JOIN pg_catalog.pg_trigger tg ON tg.tgrelid = cols.relid AND NOT tg.tgisinternal
JOIN pg_catalog.pg_proc p ON p.oid = tg.tgfoid
WHERE pg_catalog.strpos(pg_catalog.lower(p.prosrc), pg_catalog.lower(cols.col)) > 0`;

/**
 * For each question, the cast Postgres has between the two types and the objects using the
 * column (sorted), in the order of `questions`.
 *
 * @example
 * await readTypeChangeFacts(session, 'asia', [{ table: 'films', column: 'fulltext', from: 'tsvector', to: 'text' }])
 * // => [{ cast: 'assignment', usedBy: ['index films_fulltext_idx', 'trigger films_fulltext'] }]
 */
export async function readTypeChangeFacts(
  db: Queryable,
  schema: string,
  questions: readonly TypeChangeQuestion[],
): Promise<TypeChangeSafety[]> {
  if (questions.length === 0) return [];
  return withSchemaSearchPath(db, schema, async () => {
    const casts = await db.query<RawCastRow>(CASTS_QUERY, [questions.map((q) => q.from), questions.map((q) => q.to)]);
    const uses = await db.query<RawUseRow>(USES_QUERY, [questions.map((q) => q.table), questions.map((q) => q.column), schema]);
    return questions.map((_, i) => {
      const ord = String(i + 1);
      const cast = casts.rows.find((row) => row.ord === ord)?.cast ?? 'unknown';
      const usedBy = [...new Set(uses.rows.filter((row) => row.ord === ord && row.what !== null).map((row) => row.what))].sort();
      return { cast, usedBy };
    });
  });
}
