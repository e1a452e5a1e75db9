/** Small HTTP helpers for node:http: an error that carries a status and a field, a size-limited body reader, JSON replies. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An error the client caused (or a judge failure): answered with `status` and `{ error: { field, message } }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly field: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/**
 * Reads the whole body, refusing more than `limitBytes` (413): by Content-Length before reading, else while
 * reading. After a 413 the rest of the body is drained by node and the connection closed.
 */
export function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const tooLarge = (): HttpError =>
    new HttpError(413, null, `request body exceeds ${limitBytes} bytes; send fewer items per request or start the server with a larger --max-body-mb`);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limitBytes) {
        failed = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => failed || resolve(Buffer.concat(chunks)));
    req.on('error', (e) => failed || ((failed = true), reject(new HttpError(400, null, `could not read the request body: ${e.message}`))));
  });
}

/** Deepest nesting a body may have: real bodies stay under 8; recursive code downstream (structured clone) must not overflow. */
export const MAX_JSON_DEPTH = 64;

function checkDepth(root: unknown): void {
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_JSON_DEPTH) throw new HttpError(400, '(body)', `JSON nested deeper than ${MAX_JSON_DEPTH} levels; no reward request needs that`);
    for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
}

/** Parses a JSON body; a syntax error or absurd nesting is a 400 that says so. */
export function parseJson(body: Buffer): unknown {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8')) as unknown;
  } catch (e) {
    throw new HttpError(400, '(body)', `not valid JSON: ${(e as Error).message}; send a JSON object with Content-Type: application/json`);
  }
  checkDepth(value);
  return value;
}

/** Sends a JSON reply. */
export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Sends an error reply in the server's one error shape. */
export function sendError(res: ServerResponse, e: HttpError, headers: Record<string, string> = {}): void {
  sendJson(res, e.status, { error: { status: e.status, field: e.field, message: e.message } }, headers);
}
