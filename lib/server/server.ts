/**
 * `ifkit serve`: ifkit's verifiers as the reward of distributed RL engines. node:http on the main thread (I/O,
 * validation, judge calls), checks on worker threads (see pool.ts). Routes: POST /get_reward (OpenRLHF),
 * POST /verify, POST /verify/batch, GET /health, GET /metrics.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import type { Judge } from '../judge/types';
import type { CheckerVariant } from '../verifiers/types';
import type { RewardKind } from '../rewards/aggregate';
import { HttpError, parseJson, readBody, sendError, sendJson } from './http-util';
import { ServerMetrics } from './metrics';
import { DEFAULT_EOS_TOKENS } from './openrlhf';
import { CheckerPool, type PoolEvent } from './pool';
import { getRewardRoute, verifyBatchRoute, verifyRoute, type RouteConfig } from './routes';
import type { CheckMode, WorkerReady } from './types';
import type { ScoreContext } from './verify-items';

export interface RewardServerOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
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
  /** Log lines (timeouts, worker replacements, internal errors); the CLI prints them. */
  readonly onLog?: (line: string) => void;
}

/** A running server. */
export interface RewardServer {
  readonly url: string;
  readonly port: number;
  readonly metrics: ServerMetrics;
  close(): Promise<void>;
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

/**
 * Starts the server; resolves once the workers are loaded and the port is bound.
 * @example const s = await startRewardServer({ port: 8000 }); // POST http://127.0.0.1:8000/get_reward
 */
export async function startRewardServer(opts: RewardServerOptions = {}): Promise<RewardServer> {
  const started = Date.now();
  const metrics = new ServerMetrics();
  const log = opts.onLog;
  const onEvent = (e: PoolEvent): void => log?.(`${e.kind}: ${e.message}`);
  const workers = opts.workers ?? availableParallelism();
  const pool = new CheckerPool({ workers, checkTimeoutMs: opts.checkTimeoutMs ?? 2000, plugins: opts.plugins ?? [], onEvent });
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

  const gauges = () => {
    const l = pool.load();
    return {
      ifkit_workers: { help: 'Checker worker threads alive.', value: l.workers },
      ifkit_workers_busy: { help: 'Checker workers running a task.', value: l.busy },
      ifkit_queued_tasks: { help: 'Check tasks waiting for a worker.', value: l.queuedTasks },
      ifkit_worker_restarts: { help: 'Workers replaced after a timeout or crash (since start).', value: pool.counts.restarts },
      // Busy time over wall time between two scrapes is each side's utilization (workers: summed, so up to --workers).
      ifkit_main_busy_seconds: { help: 'Seconds the HTTP thread has spent running since start.', value: performance.eventLoopUtilization().active / 1000 },
      ifkit_workers_busy_seconds: { help: 'Seconds the live checker workers have spent running since they started, summed (drops when a worker is replaced).', value: pool.busySeconds() },
    };
  };

  async function route(path: string, req: IncomingMessage, url: URL): Promise<unknown> {
    if (path === '/health') {
      const l = pool.load();
      return { status: 'ok', uptime_s: (Date.now() - started) / 1000, workers: l.workers, busy: l.busy, queued_tasks: l.queuedTasks, judge: opts.judge?.name ?? null, defaults: { mode: config.mode, reward: config.reward, variant: config.variant }, plugin_constraints: ready.pluginConstraints.map((c) => c.id) };
    }
    const body = parseJson(await readBody(req, maxBodyBytes));
    if (path === '/verify') return verifyRoute(ctx, config, body);
    if (path === '/verify/batch') return verifyBatchRoute(ctx, config, body);
    return getRewardRoute(ctx, config, body, Object.fromEntries(url.searchParams));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const t0 = performance.now();
    const url = requestUrl(req.url);
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    const label = (ROUTES as readonly string[]).includes(path) ? path : 'other';
    res.on('finish', () => metrics.observe(label, res.statusCode, (performance.now() - t0) / 1000));
    try {
      if (label === 'other') throw new HttpError(404, null, `no route ${req.method} ${path}; routes: POST /get_reward, /verify, /verify/batch; GET /health, /metrics`);
      const method = POSTS.has(path) ? 'POST' : 'GET';
      if (req.method !== method) throw new HttpError(405, null, `${path} takes ${method}, got ${req.method}`);
      if (path === '/metrics') {
        const text = metrics.render(gauges());
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'content-length': Buffer.byteLength(text) });
        res.end(text);
        return;
      }
      sendJson(res, 200, await route(path, req, url));
    } catch (e) {
      if (res.headersSent) return;
      if (e instanceof HttpError) {
        sendError(res, e, e.status === 413 ? { connection: 'close' } : e.status === 405 ? { allow: POSTS.has(path) ? 'POST' : 'GET' } : {});
      } else {
        log?.(`internal error on ${req.method} ${path}: ${(e as Error)?.stack ?? String(e)}`);
        sendError(res, new HttpError(500, null, `internal error: ${(e as Error)?.message ?? String(e)}; the server keeps running, please report this input`));
      }
    }
  }

  // handle() answers every error itself; the catch is a last guard so a bug can never become an unhandled rejection.
  const server = createServer((req, res) => void handle(req, res).catch((e: unknown) => log?.(`unhandled: ${String(e)}`)));
  // A malformed request line or headers: answer 400 instead of letting the socket error escape.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    metrics,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.close();
    },
  };
}
