import { ConfigError } from '../errors.js';
import { identifierProblem } from '../sql/quote.js';

/** Refuses a name Postgres cannot take, naming the config key. */
export function checkIdentifier(key: string, name: string, what: string): void {
  const problem = identifierProblem(name);
  if (problem !== null) {
    throw new ConfigError(`config key "${key}": ${what} ${problem}`, {
      hint: 'Postgres names are 1 to 63 bytes; set a shorter name explicitly',
    });
  }
}
