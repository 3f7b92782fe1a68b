/**
 * Every subcommand's help shows the global options, the environment, its exit codes and examples;
 * commander's usage errors become the error:/hint: pair naming the real command (exit 2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpFooter, usageErrorLines } from '../../src/cli/command-help.js';
import { type CliProject, createCliProject } from '../support/cli-project.js';

describe('usageErrorLines', () => {
  it('turns commander text into the error/hint pair, keeping its suggestion', () => {
    expect(usageErrorLines("error: unknown option '--tp'\n(Did you mean --to?)\n", 'worlddb migrate')).toEqual([
      "error: unknown option '--tp'",
      'hint: did you mean --to? run worlddb migrate --help',
    ]);
    expect(usageErrorLines("error: missing required argument 'name'\n", 'worlddb show')).toEqual([
      "error: missing required argument 'name'",
      'hint: run worlddb show --help',
    ]);
  });

  it('lists a command’s exit codes and examples', () => {
    expect(helpFooter('check')).toMatch(/\n  6 +check: pending migrations/);
    expect(helpFooter('migrate')).toContain('$ worlddb upgrade head --schema asia');
    expect(helpFooter('some-new-command')).toMatch(/Exit codes:[^]*6 [^]*70 /);
    expect(helpFooter('lint')).toMatch(/\n  1 +lint found errors/);
  });
});

describe('the CLI (in-process, no database opened)', () => {
  let project: CliProject;
  beforeAll(async () => {
    project = await createCliProject({ kind: 'pglite', config: { schemas: { asia: {} } } });
  });
  afterAll(async () => {
    await project?.cleanup();
  });

  it.each(['migrate', 'upgrade', 'downgrade', 'stamp', 'redo', 'show', 'revision', 'check', 'status', 'history', 'current', 'lint', 'init', 'pull'])(
    '%s --help lists the global options, DATABASE_URL, exit codes and an example',
    async (name) => {
      const result = await project.run(name, '--help');
      expect(result.code).toBe(0);
      for (const text of ['--url <url>', '--config <path>', '--verbose', 'DATABASE_URL', 'Exit codes:', '  0   success']) {
        expect(result.stdout).toContain(text);
      }
      expect(result.stdout).toMatch(/\nExamples:\n +(\$ |npx )worlddb /);
    },
  );

  it.each([
    [['migrate', '--tp', 'head'], "error: unknown option '--tp'", 'hint: did you mean --to? run worlddb migrate --help'],
    [['downgrade', '--steps', 'two'], "error: option '--steps <n>' argument 'two' is invalid", 'hint: run worlddb downgrade --help'],
    [['status', 'extra'], 'error: too many arguments', 'hint: run worlddb status --help'],
    [['migrat'], "error: unknown command 'migrat'", 'hint: did you mean migrate? run worlddb --help'],
  ])('%j: one error line and one hint naming the command, exit 2', async (args, error, hint) => {
    const result = await project.run(...args);
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(error);
    expect(lines[1]).toBe(hint);
    expect(result.stderr).not.toContain('<command>');
  });
});
