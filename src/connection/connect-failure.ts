/**
 * Why a connection to a Postgres server failed, and what to do about it: a reason for the error
 * line and a hint that fits the cause (a database that does not exist gets `createdb NAME`, a
 * closed port gets "start the server", ...). Pure: it reads the error and the URL only.
 */
import { describeCause } from '../errors.js';

/** The reason and hint of a failed connection. */
export interface ConnectFailure {
  readonly reason: string;
  readonly hint: string;
}

/** The parts of a URL the hints name (the password never). */
interface UrlParts {
  readonly host: string;
  readonly port: string;
  readonly user: string;
  readonly database: string;
}

const WHERE_THE_URL_COMES_FROM = '--url, DATABASE_URL or database.url in the config';

function urlParts(url: string): UrlParts {
  try {
    const parsed = new URL(url);
    const user = decodeURIComponent(parsed.username) || parsed.searchParams.get('user') || 'postgres';
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || user;
    return { host: parsed.hostname || 'localhost', port: parsed.port || '5432', user, database };
  } catch {
    return { host: 'localhost', port: '5432', user: 'postgres', database: 'postgres' };
  }
}

/** A word as the shell takes it: bare when it is plain, single-quoted otherwise. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_.\-/:@]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `-h HOST -p PORT -U USER`, leaving out what libpq's defaults would give. */
function clientFlags(parts: UrlParts, user: string): string {
  const flags = [`-h ${shellWord(parts.host)}`];
  if (parts.port !== '5432') flags.push(`-p ${parts.port}`);
  flags.push(`-U ${shellWord(user)}`);
  return flags.join(' ');
}

function errorCode(cause: unknown): string | undefined {
  const code = (cause as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Reads a failed `connect()` of `pg` against `url`.
 *
 * @example
 * describeConnectFailure(Object.assign(new Error('database "world" does not exist'), { code: '3D000' }), 'postgres://app@db/world')
 * // => { reason: 'database "world" does not exist', hint: 'create it: createdb -h db -U app world (or in psql: CREATE DATABASE "world";), or fix the database name in the URL (...)' }
 */
export function describeConnectFailure(cause: unknown, url: string): ConnectFailure {
  if (cause instanceof AggregateError && cause.message === '' && cause.errors.length > 0) {
    // Node tries every address of a host name (IPv4 and IPv6); the first failure tells.
    return describeConnectFailure(cause.errors[0], url);
  }
  const parts = urlParts(url);
  const code = errorCode(cause);
  const message = describeCause(cause);
  const at = `${parts.host}:${parts.port}`;
  switch (code) {
    case '3D000':
      return {
        reason: message,
        hint:
          `create it: createdb ${clientFlags(parts, parts.user)} ${shellWord(parts.database)} ` +
          `(or in psql: CREATE DATABASE "${parts.database.replace(/"/g, '""')}";), or fix the database name in the URL (${WHERE_THE_URL_COMES_FROM})`,
      };
    case '28000':
      if (/role .* does not exist/.test(message)) {
        return {
          reason: message,
          hint: `create the role: createuser ${clientFlags(parts, 'postgres')} ${shellWord(parts.user)}, or put an existing user in the URL (${WHERE_THE_URL_COMES_FROM})`,
        };
      }
      return {
        reason: message,
        hint: `the server's pg_hba.conf does not let user "${parts.user}" in from this host to database "${parts.database}": add an entry there, or use a user and database it allows`,
      };
    case '28P01':
      return {
        reason: `password authentication failed for user "${parts.user}"`,
        hint: `check the user and password in the URL (${WHERE_THE_URL_COMES_FROM}); special characters in the password must be percent-encoded (e.g. @ as %40)`,
      };
    case '57P03':
      return { reason: message, hint: 'the server is starting up or shutting down: try again in a moment' };
    case '53300':
      return { reason: message, hint: 'the server has no free connection slots: close idle connections or raise max_connections' };
    case 'ECONNREFUSED':
      return {
        reason: `connection refused: nothing listens on ${at}`,
        hint: `start the server, or fix the host and port in the URL (${WHERE_THE_URL_COMES_FROM}); with none of them set, worlddb uses the embedded database`,
      };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return {
        reason: `host "${parts.host}" not found`,
        hint: `check the host name in the URL (${WHERE_THE_URL_COMES_FROM}) and your network's DNS`,
      };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { reason: `host ${parts.host} unreachable`, hint: 'check the network (VPN, firewall) and the host in the URL' };
    case 'ETIMEDOUT':
      return { reason: `timed out connecting to ${at}`, hint: timeoutHint(at) };
    default:
      break;
  }
  if (/timeout/i.test(message)) return { reason: `timed out connecting to ${at}`, hint: timeoutHint(at) };
  if (/does not support SSL/i.test(message)) {
    return { reason: message, hint: 'remove sslmode (or ssl=true) from the URL, or enable SSL on the server' };
  }
  return {
    reason: message + (code !== undefined && !message.includes(code) ? ` (${code})` : ''),
    hint: `check that the server is running and the URL is right (${WHERE_THE_URL_COMES_FROM})`,
  };
}

function timeoutHint(at: string): string {
  return `the server at ${at} did not answer in time: check the host, the port and any firewall between (a port that drops packets looks like this)`;
}
