/** Small HTTP helpers for node:http: an error that carries a status and a field, and JSON replies (bodies: body.ts). */
import type { ServerResponse } from 'node:http';

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
