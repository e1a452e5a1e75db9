/**
 * `ifkit serve`: ifkit's verifiers as the reward of distributed RL engines. node:http on the main thread (I/O,
 * validation, judge calls), checks on worker threads (see pool.ts). Routes: POST /get_reward (OpenRLHF),
 * POST /verify, POST /verify/batch, GET|HEAD /health, GET /metrics.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import type { Judge } from '../judge/types';
import { DEFAULT_CHECK_TIMEOUT_MS } from '../verifiers/time-bound';
import type { CheckerVariant } from '../verifiers/types';
import type { RewardKind } from '../rewards/aggregate';
import { apiKeyCheck, isLoopbackHost, KEY_PARAM } from './auth';
import { readJsonBody } from './body';
import { HttpError, sendError, sendJson } from './http-util';
import { ServerMetrics } from './metrics';
import { DEFAULT_EOS_TOKENS } from './openrlhf';
import { CheckerPool, type PoolEvent } from './pool';
import { rateLimitedLog } from './rate-limited-log';
import { getRewardRoute, verifyBatchRoute, verifyRoute, type RouteConfig } from './routes';
import { healthOf, poolGauges } from './status';
import type { CheckMode, WorkerReady } from './types';
import type { ScoreContext } from './verify-items';

export interface RewardServerOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1. Any other address needs `apiKey` or `insecure: true`. */
  readonly host?: string;
  /** Required on every route but /health: `Authorization: Bearer <key>` or `?key=<key>`. */
  readonly apiKey?: string;
  /** Allow a non-loopback host without an API key (a trusted network only). */
  readonly insecure?: boolean;
  /** Checker threads; default: one per core. */
  readonly workers?: number;
  /** Needed only for soft constraints; without it they are a 400. */
  readonly judge?: Judge;
  /** Budget of one check in ms (default 2000); an overrun scores the response 0 and replaces the worker. */
  readonly checkTimeoutMs?: number;
  readonly maxBodyBytes?: number;
  readonly maxItems?: number;
  /** Defaults a request may override: strict, 'all' (the paper's all-pass reward), upstream checkers. */
  readonly mode?: CheckMode;
  readonly reward?: RewardKind;
  readonly variant?: CheckerVariant;
  readonly eosTokens?: readonly string[];
  /** Modules exporting `constraints: Constraint[]`, loaded in every worker (custom or test constraints). */
  readonly plugins?: readonly string[];
  /** Log lines (every 4xx with its reason, rate-limited; timeouts, worker replacements, internal errors); the CLI prints them. */
  readonly onLog?: (line: string) => void;
}

/** A running server. */
export interface RewardServer {
  readonly url: string;
  /** The address bound (0.0.0.0 or :: for every interface). */
  readonly address: string;
  readonly port: number;
  readonly metrics: ServerMetrics;
  /** Stops at once: open connections are cut, in-flight requests get no reply. */
  close(): Promise<void>;
  /**
   * Stops accepting connections, lets in-flight requests finish (up to `timeoutMs`), then closes.
   * Resolves with the number of requests that were still running when the time was up (0 after a clean drain).
   */
  drain(timeoutMs: number): Promise<number>;
  /** Requests being answered right now. */
  inFlight(): number;
}

/** The request target as a URL; one that cannot parse (node's parser lets some through) becomes an unknown path. */
function requestUrl(target: string | undefined): URL {
  try {
    return new URL(target ?? '/', 'http://localhost');
  } catch {
    return new URL('http://localhost/(unparseable)');
  }
}

const ROUTES = ['/get_reward', '/verify', '/verify/batch', '/health', '/metrics'] as const;
const POSTS: ReadonlySet<string> = new Set(['/get_reward', '/verify', '/verify/batch']);

/** Refuses a public bind without a key: an open /get_reward on 0.0.0.0 lets anyone on the network use (and load) it. */
function checkExposure(host: string, opts: RewardServerOptions): void {
  if (isLoopbackHost(host) || opts.apiKey !== undefined || opts.insecure) return;
  throw new Error(
    `refusing to listen on ${host} without an API key: other machines could reach this server and anyone who can would get ` +
      'its rewards and its CPU. Set --api-key <key> (or IFKIT_API_KEY) and send it as "Authorization: Bearer <key>" or ' +
      `?${KEY_PARAM}=<key>; or pass --insecure if every machine on this network is trusted`,
  );
}

/** Headers of an error reply; one sent before the whole body arrived closes the connection (the rest may still be coming). */
function errorHeaders(status: number, path: string, bodyDone: boolean): Record<string, string> {
  const headers: Record<string, string> = bodyDone ? {} : { connection: 'close' };
  if (status === 401) headers['www-authenticate'] = 'Bearer realm="ifkit"';
  if (status === 405) headers.allow = POSTS.has(path) ? 'POST' : path === '/health' ? 'GET, HEAD' : 'GET';
  return headers;
}

/**
 * Starts the server; resolves once the workers are loaded and the port is bound.
 * @example const s = await startRewardServer({ port: 8000 }); // POST http://127.0.0.1:8000/get_reward
 */
export async function startRewardServer(opts: RewardServerOptions = {}): Promise<RewardServer> {
  const host = opts.host ?? '127.0.0.1';
  checkExposure(host, opts);
  const authorize = opts.apiKey !== undefined ? apiKeyCheck(opts.apiKey) : undefined;
  const started = Date.now();
  const metrics = new ServerMetrics();
  const log = opts.onLog;
  const logClientError = log ? rateLimitedLog(log, { what: '4xx replies (all are counted in ifkit_http_errors_total)' }) : undefined;
  const onEvent = (e: PoolEvent): void => log?.(`${e.kind}: ${e.message}`);
  const pool = new CheckerPool({ workers: opts.workers ?? availableParallelism(), checkTimeoutMs: opts.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS, plugins: opts.plugins ?? [], onEvent });
  let ready: WorkerReady;
  try {
    ready = await pool.ready();
  } catch (e) {
    await pool.close();
    throw e;
  }
  const ctx: ScoreContext = { pool, metrics, ...(opts.judge ? { judge: opts.judge } : {}), ...(log ? { onLog: log } : {}) };
  const config: RouteConfig = {
    mode: opts.mode ?? 'strict',
    reward: opts.reward ?? 'all',
    variant: opts.variant ?? 'upstream',
    maxItems: opts.maxItems ?? 10_000,
    eosTokens: opts.eosTokens ?? DEFAULT_EOS_TOKENS,
  };
  const maxBodyBytes = opts.maxBodyBytes ?? 16 * 1024 * 1024;
  const inFlight = new Set<ServerResponse>();
  let draining = false;

  async function route(path: string, req: IncomingMessage, url: URL): Promise<unknown> {
    if (path === '/health') return healthOf(pool, ready, config, started, opts.judge);
    const body = await readJsonBody(req, maxBodyBytes);
    if (path === '/verify') return verifyRoute(ctx, config, body);
    if (path === '/verify/batch') return verifyBatchRoute(ctx, config, body);
    const params = Object.fromEntries([...url.searchParams].filter(([k]) => k !== KEY_PARAM));
    return getRewardRoute(ctx, config, body, params);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const t0 = performance.now();
    inFlight.add(res);
    res.on('close', () => inFlight.delete(res));
    // While draining, every reply closes its connection so keep-alive clients reconnect elsewhere.
    if (draining) res.setHeader('connection', 'close');
    const url = requestUrl(req.url);
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    const label = (ROUTES as readonly string[]).includes(path) ? path : 'other';
    res.on('finish', () => metrics.observe(label, res.statusCode, (performance.now() - t0) / 1000));
    try {
      if (label === 'other') throw new HttpError(404, null, `no route ${req.method} ${path}; routes: POST /get_reward, /verify, /verify/batch; GET /health, /metrics`);
      const methods = POSTS.has(path) ? ['POST'] : path === '/health' ? ['GET', 'HEAD'] : ['GET'];
      if (!methods.includes(req.method ?? '')) throw new HttpError(405, null, `${path} takes ${methods.join(' or ')}, got ${req.method}`);
      if (authorize && path !== '/health') authorize(req, url);
      if (path === '/metrics') {
        const text = metrics.render(poolGauges(pool));
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'content-length': Buffer.byteLength(text) });
        res.end(text);
        return;
      }
      sendJson(res, 200, await route(path, req, url));
    } catch (e) {
      if (res.headersSent) return;
      if (e instanceof HttpError) {
        // OpenRLHF's client drops error bodies, so the server's log is where a user learns why.
        logClientError?.(`${e.status} ${req.method} ${path}${e.field ? ` ${e.field}` : ''}: ${e.message.slice(0, 500)}`);
        sendError(res, e, errorHeaders(e.status, path, req.complete));
      } else {
        log?.(`internal error on ${req.method} ${path}: ${(e as Error)?.stack ?? String(e)}`);
        sendError(res, new HttpError(500, null, `internal error: ${(e as Error)?.message ?? String(e)}; the server keeps running, please report this input`));
      }
    }
  }

  // handle() answers every error itself; the catch is a last guard so a bug can never become an unhandled rejection.
  const server = createServer((req, res) => void handle(req, res).catch((e: unknown) => log?.(`unhandled: ${String(e)}`)));
  // A malformed request line or headers: answer 400 instead of letting the socket error escape, and count it.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    metrics.observe('other', 400, 0);
    logClientError?.(`400 (malformed HTTP request): ${err.code ?? err.message}`);
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closed ??= (async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.close();
    })());
  return {
    url: `http://${shown}:${address.port}`,
    address: address.address,
    port: address.port,
    metrics,
    close,
    inFlight: () => inFlight.size,
    async drain(timeoutMs) {
      draining = true;
      // No new connections; idle keep-alive ones go now, busy ones after their reply (connection: close).
      server.close();
      server.closeIdleConnections();
      const deadline = Date.now() + timeoutMs;
      while (inFlight.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const left = inFlight.size;
      await close();
      return left;
    },
  };
}
