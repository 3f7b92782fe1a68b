import { ConnectionError } from '../errors.js';
import type { Database, Session } from './types.js';

export interface SessionPoolProps {
  readonly database: Database;
  /**
   * Most sessions open at once. PGlite has one backend whose sessions take turns, so it is always 1
   * there; default 10 on a server.
   */
  readonly maxSessions?: number;
  /**
   * Keep released sessions open for the next statement. Default: on a server yes (a connection
   * costs a round trip or more); on PGlite no, as its single backend is then free for other users
   * of the same database in this process (the runner, another world) at the cost of a session
   * reset per statement.
   */
  readonly keepIdle?: boolean;
}

/**
 * Keeps sessions of a {@link Database} open between statements, so that each statement does not
 * pay for a new connection (a server) or a session reset (PGlite). Callers wait for a free
 * session when `maxSessions` are in use.
 *
 * @example
 * const pool = new SessionPool({ database });
 * const session = await pool.acquire();
 * try { await session.query('select 1'); } finally { await pool.release(session); }
 * await pool.close();
 */
export class SessionPool {
  readonly #database: Database;
  readonly #max: number;
  readonly #keepIdle: boolean;
  readonly #idle: Session[] = [];
  readonly #waiting: ((session: Session | Error) => void)[] = [];
  #open = 0;
  #closed = false;

  constructor(props: SessionPoolProps) {
    this.#database = props.database;
    this.#max = props.database.kind === 'pglite' ? 1 : Math.max(1, props.maxSessions ?? 10);
    this.#keepIdle = props.keepIdle ?? props.database.kind !== 'pglite';
  }

  /** A free session: an idle one, a new one, or the next one released. */
  async acquire(): Promise<Session> {
    if (this.#closed) throw closedError(this.#database);
    const idle = this.#idle.pop();
    if (idle !== undefined) return idle;
    if (this.#open < this.#max) {
      this.#open += 1;
      try {
        return await this.#database.connect();
      } catch (error) {
        this.#open -= 1;
        throw error;
      }
    }
    const next = await new Promise<Session | Error>((resolve) => this.#waiting.push(resolve));
    if (next instanceof Error) throw next;
    return next;
  }

  /**
   * Gives a session back. A `broken` session (its connection failed, or a rollback did) is closed
   * instead of being kept.
   */
  async release(session: Session, broken = false): Promise<void> {
    if (broken || this.#closed) {
      this.#open -= 1;
      await session.release().catch(() => undefined);
      // A waiter may now open a new session in the freed place.
      this.#connectForWaiter();
      return;
    }
    const waiter = this.#waiting.shift();
    if (waiter !== undefined) {
      waiter(session);
    } else if (this.#keepIdle) {
      this.#idle.push(session);
    } else {
      this.#open -= 1;
      await session.release();
    }
  }

  #connectForWaiter(): void {
    const waiter = this.#waiting.shift();
    if (waiter === undefined) return;
    this.#open += 1;
    this.#database.connect().then(waiter, (error: unknown) => {
      this.#open -= 1;
      waiter(error instanceof Error ? error : new Error(String(error)));
    });
  }

  /** Releases the idle sessions; sessions in use are released when they come back. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const waiter of this.#waiting.splice(0)) waiter(closedError(this.#database));
    const idle = this.#idle.splice(0);
    this.#open -= idle.length;
    await Promise.all(idle.map((session) => session.release().catch(() => undefined)));
  }
}

function closedError(database: Database): ConnectionError {
  return new ConnectionError(`the world on ${database.description} is closed`, { hint: 'open a new one with openWorld()' });
}
