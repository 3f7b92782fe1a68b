import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFolder, readStartTime } from '../../src/connection/folder-lock.js';
import { LockTimeoutError } from '../../src/errors.js';

async function folder(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'worlddb-lock-')), 'pglite');
}

describe('lockFolder', () => {
  it('lets one holder in at a time; the other waits, is told who holds it, and gives up after the timeout', async () => {
    const dir = await folder();
    const release = await lockFolder({ folder: dir, timeoutMs: 0, label: 'embedded database x' });
    expect(await readFile(`${dir}.lock`, 'utf8')).toMatch(new RegExp(`^${process.pid}\n${hostname()}\n[^\n]+\n[^\n]+\n[0-9a-f]{16}\n$`));
    const told: number[] = [];
    const error = await lockFolder({ folder: dir, timeoutMs: 200, label: 'embedded database x', onWait: (h) => told.push(h.pid) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LockTimeoutError);
    expect((error as Error).message).toBe(`embedded database x is in use by another worlddb process (pid ${process.pid}; waited 0.2 s)`);
    expect(told).toEqual([process.pid]);
    await release();
    const again = await lockFolder({ folder: dir, timeoutMs: 0, label: 'x' });
    await again();
    expect((await readdir(join(dir, '..'))).filter((f) => f.includes('lock'))).toEqual([]);
  });

  it('stays held by a live process however old the lock file is (a long statement never lets another process in)', async () => {
    const dir = await folder();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      await writeFile(`${dir}.lock`, `${child.pid}\n${hostname()}\n`);
      const longAgo = new Date(Date.now() - 3_600_000);
      await utimes(`${dir}.lock`, longAgo, longAgo);
      await expect(lockFolder({ folder: dir, timeoutMs: 300, label: 'x' })).rejects.toThrow(`pid ${child.pid}`);
    } finally {
      child.kill();
    }
  });

  it('takes over the lock of a process that is gone', async () => {
    const dir = await folder();
    const child = spawn(process.execPath, ['-e', '0']);
    const pid = child.pid ?? 0;
    await new Promise((resolve) => child.on('exit', resolve));
    await writeFile(`${dir}.lock`, `${pid}\n${hostname()}\n`);
    const release = await lockFolder({ folder: dir, timeoutMs: 0, label: 'x' });
    expect(await readFile(`${dir}.lock`, 'utf8')).toMatch(new RegExp(`^${process.pid}\n`));
    await release();
  });

  describe('a pid reused after a crash (forged lock files)', () => {
    const bootId = (): string => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const linux = existsSync('/proc/self/stat');

    it.runIf(linux)('takes over a lock whose pid now belongs to another program (its start time differs)', async () => {
      const dir = await folder();
      const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
      try {
        const started = Number(readStartTime(child.pid ?? 0));
        expect(started).toBeGreaterThan(0);
        await writeFile(`${dir}.lock`, `${child.pid}\n${hostname()}\n${bootId()}\n${started - 1}\nfeedfacefeedface\n`);
        const release = await lockFolder({ folder: dir, timeoutMs: 0, label: 'x' });
        expect(await readFile(`${dir}.lock`, 'utf8')).toMatch(new RegExp(`^${process.pid}\n`));
        await release();
      } finally {
        child.kill();
      }
    });

    it.runIf(linux)('keeps a lock whose pid is alive with the recorded start time', async () => {
      const dir = await folder();
      const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
      try {
        const started = readStartTime(child.pid ?? 0) ?? '';
        await writeFile(`${dir}.lock`, `${child.pid}\n${hostname()}\n${bootId()}\n${started}\nfeedfacefeedface\n`);
        await expect(lockFolder({ folder: dir, timeoutMs: 200, label: 'x' })).rejects.toThrow(`pid ${child.pid}`);
      } finally {
        child.kill();
      }
    });

    it('takes over a lock written with our own pid by a process that is gone (not a lock this process holds)', async () => {
      const dir = await folder();
      const started = readStartTime(process.pid) ?? '-';
      await writeFile(`${dir}.lock`, `${process.pid}\n${hostname()}\n-\n${started}\nfeedfacefeedface\n`);
      const release = await lockFolder({ folder: dir, timeoutMs: 0, label: 'x' });
      expect(await readFile(`${dir}.lock`, 'utf8')).not.toContain('feedfacefeedface');
      await release();
    });

    it.runIf(linux)('takes over a lock written before the machine last booted', async () => {
      const dir = await folder();
      const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
      try {
        const started = readStartTime(child.pid ?? 0) ?? '';
        await writeFile(`${dir}.lock`, `${child.pid}\n${hostname()}\n00000000-0000-0000-0000-000000000000\n${started}\nfeedfacefeedface\n`);
        const release = await lockFolder({ folder: dir, timeoutMs: 0, label: 'x' });
        await release();
      } finally {
        child.kill();
      }
    });

    it('still honours a lock file of the older format (pid and host only) while its pid runs', async () => {
      const dir = await folder();
      await writeFile(`${dir}.lock`, `${process.pid}\n${hostname()}\n`);
      await expect(lockFolder({ folder: dir, timeoutMs: 100, label: 'x' })).rejects.toThrow(`pid ${process.pid}`);
    });
  });

  it('of two waiters finding the same stale lock, exactly one gets it', async () => {
    const dir = await folder();
    await writeFile(`${dir}.lock`, `999999999\n${hostname()}\n`);
    const results = await Promise.allSettled([
      lockFolder({ folder: dir, timeoutMs: 300, label: 'x' }),
      lockFolder({ folder: dir, timeoutMs: 300, label: 'x' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
  });
});
