import { createHash } from 'node:crypto';

/**
 * The checksum recorded for a migration: sha256 of the file's bytes, in hex. Any edit — even of a
 * comment or of line endings — changes it, so an applied migration whose file was edited is noticed.
 *
 * @example
 * checksum(Buffer.from('')) // => 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
 */
export function checksum(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
