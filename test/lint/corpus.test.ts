/**
 * The lint corpus (corpus.txt): SQL cases with their expected findings, checked on every run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveLintConfig } from '../../src/config/lint-config.js';
import { lintMigration } from '../../src/lint/lint-migration.js';
import { loadParser } from '../../src/lint/load-parser.js';
import { splitStatements } from '../../src/revision/split-sql.js';
import type { SimpleType } from '../../src/lint/ast.js';

interface Case {
  readonly name: string;
  readonly options: readonly string[];
  readonly history: string | null;
  readonly sql: string;
  readonly expected: readonly string[];
}

function readCorpus(): Case[] {
  const text = readFileSync(new URL('./corpus.txt', import.meta.url), 'utf8');
  return text
    .split(/^### /m)
    .slice(1)
    .map((block) => {
      const [header = '', ...lines] = block.split('\n');
      const [name = '', options = ''] = header.split('|').map((s) => s.trim());
      const arrow = lines.findIndex((line) => line.startsWith('=> '));
      const body = lines.slice(0, arrow).join('\n');
      const [history, sql] = body.includes('\n---\n') ? (body.split('\n---\n') as [string, string]) : [null, body];
      const result = (lines[arrow] ?? '').slice(3).trim();
      return { name, options: options.split(/\s+/).filter(Boolean), history, sql, expected: result === 'clean' ? [] : result.split(/\s+/) };
    });
}

const corpus = readCorpus();

describe('lint corpus', () => {
  it('holds at least 60 statements', () => {
    const statements = corpus.reduce((n, c) => n + splitStatements(c.sql).length, 0);
    expect(statements).toBeGreaterThanOrEqual(60);
  });

  for (const c of corpus) {
    it(c.name, async () => {
      const parse = await loadParser();
      const columnTypes = new Map<string, SimpleType>();
      const options = {
        parse,
        settings: resolveLintConfig(undefined),
        live: null,
        runnerLockTimeout: !c.options.includes('no-runner-lock-timeout'),
        columnTypes,
      };
      const marker = c.options.includes('no-transaction') ? '-- worlddb:no-transaction\n' : '';
      if (c.history !== null) {
        lintMigration({ path: '/p/1_a.sql', shown: '1_a.sql', text: `-- worlddb:up\n${c.history}\n`, schema: 'app' }, options);
      }
      // The up marker is on line 1 or 2: shift lines so that the case's first SQL line is line 1.
      const text = `${marker}-- worlddb:up\n${c.sql}\n`;
      const shift = marker === '' ? 1 : 2;
      const findings = lintMigration({ path: '/p/2_b.sql', shown: '2_b.sql', text, schema: 'app' }, options);
      const got = findings.map((f) => `${f.rule}@${f.line - shift}:${f.column}`);
      expect([...got].sort()).toEqual([...c.expected].sort());
      for (const finding of findings) expect(finding.fix.length).toBeGreaterThan(0);
    });
  }
});
