/**
 * `ifkit lab serve`: a lab policy behind an OpenAI-compatible HTTP API, so OpenAI clients (and `ifkit hppt pilot`)
 * sample it over HTTP. Requests run one at a time (tfjs is single-threaded; each request is one batch of n).
 * Errors use OpenAI's shape: `{"error": {"message", "type", "param", "code"}}`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLimiter } from '../judge/limit';
import type { Policy } from '../model/policy';
import { readJsonBody } from './body';
import { HttpError, sendJson } from './http-util';
import { chatCompletion, listModels, textCompletion, type PolicyApiContext } from './policy-api';

export interface PolicyServerOptions {
  readonly policy: Policy;
  /** The name clients send as `model` and /v1/models lists (default 'ifkit-lab'). */
  readonly modelName?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** Seed of the first request without a seed; later ones count up (default 0). */
  readonly seed?: number;
  readonly maxBodyBytes?: number;
  /** One line per request (method, path, status, ms). */
  readonly onLog?: (line: string) => void;
}

export interface PolicyServer {
  /** e.g. 'http://127.0.0.1:41234/v1' */
  readonly baseURL: string;
  readonly port: number;
  /** Requests answered and completions generated. */
  readonly stats: { requests: number; completions: number };
  close(): Promise<void>;
}

function sendOpenAiError(res: ServerResponse, e: HttpError): void {
  const type = e.status === 404 ? 'not_found_error' : e.status >= 500 ? 'server_error' : 'invalid_request_error';
  sendJson(res, e.status, { error: { message: e.message, type, param: e.field, code: null } });
}

/**
 * @example const s = await startPolicyServer({ policy }); // POST `${s.baseURL}/chat/completions`
 */
export async function startPolicyServer(opts: PolicyServerOptions): Promise<PolicyServer> {
  let seed = opts.seed ?? 0;
  const ctx: PolicyApiContext = { policy: opts.policy, modelName: opts.modelName ?? 'ifkit-lab', nextSeed: () => seed++ };
  const one = createLimiter(1);
  const stats = { requests: 0, completions: 0 };
  let counter = 0;

  async function route(req: IncomingMessage, path: string): Promise<unknown> {
    if (path === '/v1/models' || path === '/models') {
      if (req.method !== 'GET') throw new HttpError(405, null, `${path} takes GET`);
      return listModels(ctx);
    }
    const kind = path.endsWith('/chat/completions') ? 'chat' : path.endsWith('/completions') ? 'text' : undefined;
    if (kind === undefined || !path.startsWith('/v1/')) throw new HttpError(404, null, `no route ${req.method} ${path}; routes: POST /v1/chat/completions, POST /v1/completions, GET /v1/models`);
    if (req.method !== 'POST') throw new HttpError(405, null, `${path} takes POST`);
    const body = await readJsonBody(req, opts.maxBodyBytes ?? 4 * 1024 * 1024);
    const id = `${kind === 'chat' ? 'chatcmpl' : 'cmpl'}-${++counter}`;
    const reply = (await one(() => (kind === 'chat' ? chatCompletion(ctx, body, id) : textCompletion(ctx, body, id)))) as { choices: unknown[] };
    stats.completions += reply.choices.length;
    return reply;
  }

  const server = createServer((req, res) => {
    const t0 = Date.now();
    const path = (req.url ?? '/').split('?')[0]!.replace(/\/+$/, '') || '/';
    route(req, path)
      .then((reply) => {
        stats.requests++;
        sendJson(res, 200, reply);
      })
      .catch((e: unknown) => {
        if (res.headersSent) return;
        sendOpenAiError(res, e instanceof HttpError ? e : new HttpError(500, null, `internal error: ${(e as Error)?.message ?? String(e)}`));
      })
      .finally(() => opts.onLog?.(`${req.method} ${path} ${res.statusCode} ${Date.now() - t0} ms`));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    baseURL: `http://${host}:${address.port}/v1`,
    port: address.port,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
