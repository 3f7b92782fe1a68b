import { describe, expect, it } from 'vitest';
import { colorLevel, createOutput } from '../../src/cli/output.js';

const stream = (isTTY: boolean) => ({ isTTY, text: '', write(chunk: string) { this.text += chunk; return true; } });

describe('createOutput', () => {
  it('colours only on a terminal, and never when NO_COLOR is set', () => {
    expect(createOutput({ stdout: stream(true), stderr: stream(true), env: {} }).color.level).toBeGreaterThan(0);
    expect(createOutput({ stdout: stream(false), stderr: stream(true), env: {} }).color.level).toBe(0);
    expect(createOutput({ stdout: stream(true), stderr: stream(true), env: { NO_COLOR: '1' } }).color.level).toBe(0);
    // Each stream on its own: errors redirected to a file carry no escape codes, and the reverse.
    expect(createOutput({ stdout: stream(true), stderr: stream(false), env: {} }).errColor.level).toBe(0);
    expect(createOutput({ stdout: stream(false), stderr: stream(true), env: {} }).errColor.level).toBeGreaterThan(0);
    expect(createOutput({ stdout: stream(true), stderr: stream(true), env: { NO_COLOR: '1' } }).errColor.level).toBe(0);
    const out = stream(false);
    createOutput({ stdout: out, stderr: stream(false), env: {} }).out(createOutput({ stdout: out, stderr: stream(false), env: {} }).color.red('plain'));
    expect(out.text).toBe('plain\n');
  });

  it('FORCE_COLOR turns colour on (at its level) or off; NO_COLOR wins over it', () => {
    expect(colorLevel({ FORCE_COLOR: '1' }, false)).toBe(1);
    expect(colorLevel({ FORCE_COLOR: 'true' }, false)).toBe(1);
    expect(colorLevel({ FORCE_COLOR: '2' }, false)).toBe(2);
    expect(colorLevel({ FORCE_COLOR: '3' }, false)).toBe(3);
    expect(colorLevel({ FORCE_COLOR: '0' }, true)).toBe(0);
    expect(colorLevel({ FORCE_COLOR: 'false' }, true)).toBe(0);
    expect(colorLevel({ FORCE_COLOR: '' }, false)).toBe(0);
    expect(colorLevel({ FORCE_COLOR: '' }, true)).toBe(1);
    expect(colorLevel({ FORCE_COLOR: '3', NO_COLOR: '1' }, true)).toBe(0);
    const out = stream(false);
    const output = createOutput({ stdout: out, stderr: stream(false), env: { FORCE_COLOR: '1' } });
    output.out(output.color.red('red'));
    expect(out.text).toBe('\u001b[31mred\u001b[39m\n');
  });

  it('asks only when stdin and stderr are terminals and a prompt exists', async () => {
    const asked: string[] = [];
    const prompt = async (q: string) => {
      asked.push(q);
      return 'yes';
    };
    const tty = createOutput({ stdout: stream(false), stderr: stream(true), env: {}, stdinIsTTY: true, prompt });
    expect(await tty.confirm('rename?')).toBe(true);
    expect(asked).toEqual(['rename? [y/N] ']);
    const piped = createOutput({ stdout: stream(false), stderr: stream(false), env: {}, stdinIsTTY: false, prompt });
    expect(piped.interactive).toBe(false);
    expect(await piped.confirm('rename?')).toBe(false);
    expect(asked).toHaveLength(1);
  });
});
