/**
 * A failed connection gets a hint that fits its cause. Each cause is produced for real where it
 * can be (the real server, a closed port, a host that does not exist, a port that never answers);
 * a failed password cannot be with the test server's trust authentication, so it is fabricated.
 */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeConnectFailure } from '../../src/connection/connect-failure.js';
import { createPgDatabase } from '../../src/connection/pg-database.js';
import { ConnectionError } from '../../src/errors.js';
import { createCliProject } from '../support/cli-project.js';
import { freshName } from '../support/databases.js';
import { ADMIN_URL } from '../support/env.js';

async function failure(url: string, connectTimeoutMs = 5000): Promise<ConnectionError> {
  const db = createPgDatabase({ url, connectTimeoutMs });
  const error = await db.connect().then(
    async (session) => {
      await session.release();
      return null;
    },
    (e: unknown) => e,
  );
  await db.close();
  expect(error).toBeInstanceOf(ConnectionError);
  return error as ConnectionError;
}

function withPath(url: string, change: (parsed: URL) => void): string {
  const parsed = new URL(url);
  change(parsed);
  return parsed.toString();
}

describe('describeConnectFailure (fabricated errors)', () => {
  it('a failed password says so, never showing it', () => {
    const error = Object.assign(new Error('password authentication failed for user "app"'), { code: '28P01' });
    const result = describeConnectFailure(error, 'postgres://app:s3cret@db.example/world');
    expect(result.reason).toBe('password authentication failed for user "app"');
    expect(result.hint).toMatch(/check the user and password in the URL/);
    expect(JSON.stringify(result)).not.toContain('s3cret');
  });

  it('a timeout, a pg_hba.conf refusal and a database name that needs quoting', () => {
    expect(describeConnectFailure(new Error('timeout expired'), 'postgres://u@h:6000/d').reason).toBe('timed out connecting to h:6000');
    const hba = Object.assign(new Error('no pg_hba.conf entry for host "1.2.3.4", user "u", database "d"'), { code: '28000' });
    expect(describeConnectFailure(hba, 'postgres://u@h/d').hint).toMatch(/pg_hba\.conf/);
    const missing = Object.assign(new Error('database "my db" does not exist'), { code: '3D000' });
    expect(describeConnectFailure(missing, 'postgres://u@h:6000/my%20db').hint).toMatch(/^create it: createdb -h h -p 6000 -U u 'my db' \(or in psql: CREATE DATABASE "my db";\)/);
  });
});

describe('connection failures produced for real', () => {
  it('a closed port: connection refused, start the server', async () => {
    const error = await failure('postgres://postgres@127.0.0.1:1/postgres');
    expect(error.message).toMatch(/connection refused: nothing listens on 127\.0\.0\.1:1$/);
    expect(error.hint).toMatch(/^start the server/);
  });

  it('a host that does not exist: host not found', async () => {
    const error = await failure('postgres://postgres@no-such-host.invalid:5432/postgres');
    expect(error.message).toMatch(/host "no-such-host\.invalid" not found$/);
    expect(error.hint).toMatch(/check the host name/);
  });

  describe('a port that never answers', () => {
    let server: Server;
    let port = 0;
    beforeAll(async () => {
      server = createServer(() => undefined); // accepts, never speaks
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as { port: number }).port;
    });
    afterAll(async () => {
      server.close();
      await new Promise((resolve) => setTimeout(resolve, 10));
    });

    it('times out, naming host and port', async () => {
      const error = await failure(`postgres://postgres@127.0.0.1:${port}/postgres`, 300);
      expect(error.message).toMatch(new RegExp(`timed out connecting to 127\\.0\\.0\\.1:${port}$`));
      expect(error.hint).toMatch(/did not answer in time/);
    });
  });

  describe.skipIf(inject('serverProblem') !== null)('against the real server', () => {
    it('a database that does not exist: createdb NAME', async () => {
      const name = freshName('nodb');
      const error = await failure(withPath(ADMIN_URL, (u) => (u.pathname = `/${name}`)));
      expect(error.message).toMatch(new RegExp(`database "${name}" does not exist$`));
      expect(error.hint).toMatch(new RegExp(`^create it: createdb -h \\S+ (-p \\d+ )?-U \\S+ ${name} \\(or in psql: CREATE DATABASE "${name}";\\)`));
    });

    it('a role that does not exist: createuser NAME', async () => {
      const role = freshName('norole');
      const error = await failure(withPath(ADMIN_URL, (u) => (u.username = role)));
      expect(error.message).toMatch(new RegExp(`role "${role}" does not exist$`));
      expect(error.hint).toMatch(new RegExp(`^create the role: createuser -h \\S+ (-p \\d+ )?-U postgres ${role}, or put an existing user in the URL`));
    });

    it('through the CLI: one error line, one hint line, exit 3', async () => {
      const project = await createCliProject({ kind: 'pglite', config: { schemas: { asia: {} } } });
      try {
        const name = freshName('nodb');
        const result = await project.run('--url', withPath(ADMIN_URL, (u) => (u.pathname = `/${name}`)), 'status');
        expect(result.code).toBe(3);
        const lines = result.stderr.trimEnd().split('\n');
        expect(lines).toHaveLength(2);
        expect(lines[0]).toMatch(new RegExp(`^error: cannot connect to .*: database "${name}" does not exist$`));
        expect(lines[1]).toMatch(new RegExp(`^hint: create it: createdb .*${name}`));
      } finally {
        await project.cleanup();
      }
    });
  });
});
