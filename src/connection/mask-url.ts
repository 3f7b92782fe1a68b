/**
 * A database URL fit for messages: the password is replaced by `***`.
 *
 * @example
 * maskUrl('postgres://app:secret@db:5432/world') // => 'postgres://app:***@db:5432/world'
 */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    for (const key of ['password', 'sslpassword']) {
      if (parsed.searchParams.has(key)) parsed.searchParams.set(key, '***');
    }
    return parsed.toString().replace(/=\*\*\*/g, '=***').replace(/%2A%2A%2A/g, '***');
  } catch {
    // Not a URL that WHATWG can parse (e.g. a libpq keyword string): hide anything after a colon before an @.
    return url.replace(/:([^:@/]+)@/, ':***@');
  }
}
