/**
 * Reading a JSON request body with every limit enforced while the bytes arrive: size (413), nesting depth (400,
 * before any parse), and Content-Encoding (gzip, deflate and br are decoded, and the size limit applies to the
 * decoded bytes, so a compression bomb is cut off; any other encoding is a 415).
 */
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { HttpError } from './http-util';
import { JsonDepthGuard, MAX_JSON_DEPTH } from './json-depth';

const DECODERS: Readonly<Record<string, () => NodeJS.ReadWriteStream>> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/** The decoder a Content-Encoding header asks for (undefined for none/identity); 415 for anything else. */
function decoderFor(header: string | undefined): NodeJS.ReadWriteStream | undefined {
  const encoding = (header ?? '').trim().toLowerCase();
  if (encoding === '' || encoding === 'identity') return undefined;
  const make = DECODERS[encoding];
  if (!make) throw new HttpError(415, null, `Content-Encoding "${header}" is not supported; send the body uncompressed or as gzip, deflate or br`);
  return make();
}

/**
 * Reads and parses a JSON body. 413 above `maxBytes` (by Content-Length before reading, else while reading, after
 * decoding), 400 for nesting deeper than MAX_JSON_DEPTH (while reading) or for text that is not JSON.
 * After a refusal the rest of the body is read and dropped, so the client can finish sending and read the reply.
 * @example const body = await readJsonBody(req, 16 * 1024 * 1024)
 */
export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const tooLarge = (): HttpError =>
    new HttpError(413, null, `request body exceeds ${maxBytes} bytes${req.headers['content-encoding'] ? ' (decoded)' : ''}; send fewer items per request or start the server with a larger --max-body-mb`);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(tooLarge());
  let decoder: NodeJS.ReadWriteStream | undefined;
  try {
    decoder = decoderFor(req.headers['content-encoding']);
  } catch (e) {
    return Promise.reject(e);
  }
  const source: Readable = decoder ? (req.pipe(decoder) as unknown as Readable) : req;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const guard = new JsonDepthGuard();
    let size = 0;
    let failed = false;
    const fail = (e: HttpError): void => {
      if (failed) return;
      failed = true;
      chunks.length = 0;
      if (decoder) {
        req.unpipe(decoder as unknown as NodeJS.WritableStream);
        source.destroy();
      }
      // Keep reading (and dropping) the request so the reply reaches a client that is still sending.
      req.resume();
      reject(e);
    };
    source.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > maxBytes) return fail(tooLarge());
      if (!guard.feed(chunk)) return fail(new HttpError(400, '(body)', `JSON nested deeper than ${MAX_JSON_DEPTH} levels; no reward request needs that`));
      chunks.push(chunk);
    });
    source.on('end', () => {
      if (failed) return;
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
      } catch (e) {
        fail(new HttpError(400, '(body)', `not valid JSON: ${(e as Error).message}; send a JSON object with Content-Type: application/json`));
      }
    });
    source.on('error', (e) => fail(new HttpError(400, '(body)', `could not ${decoder ? 'decode' : 'read'} the request body: ${e.message}`)));
    if (decoder) req.on('error', (e) => fail(new HttpError(400, '(body)', `could not read the request body: ${e.message}`)));
  });
}
