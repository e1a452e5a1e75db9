/**
 * API-key authentication for the reward server. A key is accepted as `Authorization: Bearer <key>` or, because
 * OpenRLHF's reward client sends no custom headers, as `?key=<key>` in the URL. Keys are compared in constant time
 * (SHA-256 digests of equal length through timingSafeEqual), so response timing says nothing about a near miss.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { HttpError } from './http-util';

/** The query parameter that may carry the key. */
export const KEY_PARAM = 'key';

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Throws unless `key` is usable: non-empty, no whitespace or control characters (it travels in headers and URLs). */
export function validateApiKey(key: string): void {
  if (key === '') throw new Error('the API key is empty; set --api-key or IFKIT_API_KEY to a random string, e.g. `openssl rand -hex 24`');
  if (/[\s\x00-\x1f\x7f]/.test(key)) throw new Error('the API key contains whitespace or control characters; it must fit in an HTTP header and a URL');
}

/** A checker of request credentials for one key. @example const auth = apiKeyCheck('s3cret'); auth(req, url) // throws 401 */
export function apiKeyCheck(key: string): (req: IncomingMessage, url: URL) => void {
  validateApiKey(key);
  const want = digest(key);
  return (req, url) => {
    const header = req.headers.authorization;
    const bearer = header && /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    const given = bearer ?? url.searchParams.get(KEY_PARAM) ?? undefined;
    if (given === undefined) {
      throw new HttpError(401, null, `this server needs an API key: send "Authorization: Bearer <key>" or add ?${KEY_PARAM}=<key> to the URL`);
    }
    if (!timingSafeEqual(digest(given), want)) throw new HttpError(401, null, 'wrong API key');
  };
}

/**
 * True for hosts only this machine can reach: `localhost`, 127.0.0.0/8, ::1 and IPv4-mapped loopback. Anything else
 * (0.0.0.0, ::, a LAN address, a host name) may be reachable from other machines.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || h.startsWith('::ffff:127.');
  return false;
}
