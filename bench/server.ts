/**
 * Reward-server load test with autocannon on loopback: throughput and p50/p99 latency at a fixed request rate and
 * at saturation, and constraint checks per second (read from the server's own /metrics).
 * `npx tsx bench/server.ts` (DURATION=<s>, WORKERS=<n>, RATE=<req/s>). The server runs in a child process so the load
 * generator does not share its event loop. Prints what it measured; never passes or fails on time.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { availableParallelism } from 'node:os';
import { ifevalGoldenRows } from '../lib/server/fixtures/http-client';
import { startRewardServer } from '../lib/server/server';

interface CannonRequest { readonly method: 'POST' | 'GET'; readonly path: string; readonly body?: string; readonly headers?: Record<string, string> }
interface CannonResult {
  readonly latency: { readonly p50: number; readonly p99: number; readonly average: number; readonly max: number };
  readonly requests: { readonly average: number; readonly total: number };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly duration: number;
}
interface CannonOptions {
  readonly url: string;
  readonly connections: number;
  readonly duration: number;
  readonly overallRate?: number;
  readonly ignoreCoordinatedOmission?: boolean;
  readonly requests: readonly CannonRequest[];
}
// autocannon ships no types; this is the subset used here.
const autocannon = require('autocannon') as (opts: CannonOptions) => Promise<CannonResult>;

const DURATION = Number(process.env.DURATION ?? 10);
const WORKERS = Number(process.env.WORKERS ?? availableParallelism());
const RATE = Number(process.env.RATE ?? 1000);

if (process.argv[2] === '--child') {
  void startRewardServer({ port: 0, workers: Number(process.argv[3]) }).then((s) => process.send!({ url: s.url }));
} else {
  void main();
}

function startChild(workers: number): Promise<{ child: ChildProcess; url: string }> {
  // fork reuses this process's execArgv, i.e. tsx's loader, so the child can run TypeScript too.
  const child = fork(__filename, ['--child', String(workers)], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { url: string }) => resolve({ child, url: m.url }));
    child.once('exit', (code) => reject(new Error(`server child exited with ${code}`)));
  });
}

interface Counters { readonly checks: number; readonly mainBusy: number; readonly workersBusy: number; readonly at: number }
async function counters(url: string): Promise<Counters> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const read = (name: string): number => Number(new RegExp(`^${name} ([0-9.e+-]+)`, 'm').exec(text)?.[1] ?? 0);
  return { checks: read('ifkit_constraint_checks_total'), mainBusy: read('ifkit_main_busy_seconds'), workersBusy: read('ifkit_workers_busy_seconds'), at: performance.now() };
}
/** Checks per second and how busy the HTTP thread and the workers were between two scrapes. */
function rates(a: Counters, b: Counters): { checksPerS: number; main: string; workers: string } {
  const s = (b.at - a.at) / 1000;
  return { checksPerS: (b.checks - a.checks) / s, main: `${Math.round((100 * (b.mainBusy - a.mainBusy)) / s)}%`, workers: `${Math.round((100 * (b.workersBusy - a.workersBusy)) / s / WORKERS)}%` };
}

const json = { 'content-type': 'application/json' };
const rows = ifevalGoldenRows().slice(0, 64);
const label = (r: (typeof rows)[number]): string => JSON.stringify({ instruction_id: r.instructionIds, kwargs: r.kwargs });
const prompt = (r: (typeof rows)[number]): string => `<|user|>\n${r.prompt}\n<|assistant|>\n`;

/** One OpenRLHF sample per request, as its current executor sends them. */
const getReward: CannonRequest[] = rows.map((r) => ({
  method: 'POST', path: '/get_reward', headers: json,
  body: JSON.stringify({ query: [prompt(r) + r.response], prompts: [prompt(r)], labels: [label(r)] }),
}));
/** 32 responses per request, as a verl reward shim sends a batch. */
const batch: CannonRequest[] = [0, 32].map((start) => ({
  method: 'POST', path: '/verify/batch', headers: json,
  body: JSON.stringify({ items: rows.slice(start, start + 32).map((r) => ({ response: r.response, instruction_id_list: r.instructionIds, kwargs: r.kwargs })) }),
}));
/** A tiny request: what the HTTP path and the worker hop cost by themselves. */
const tiny: CannonRequest[] = [{ method: 'POST', path: '/verify', headers: json, body: JSON.stringify({ response: 'hello world', instruction_id_list: ['punctuation:no_comma'] }) }];

const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/**
 * An open-loop load at an even `rate`: request k is due at k/rate seconds and its latency is counted from that due
 * time, so a stall shows up in the percentiles (no coordinated omission). autocannon's own rate limit sends each
 * connection's quota in a burst at the start of every second, which measures burst queueing instead.
 */
async function paced(url: string, requests: readonly CannonRequest[], rate: number, seconds: number): Promise<{ done: number; p50: number; p99: number; failed: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let failed = 0;
  let sent = 0;
  const start = performance.now() + 50;
  await new Promise<void>((resolve) => {
    let finished = 0;
    const settle = (): void => void (++finished === total && resolve());
    const send = (k: number): void => {
      const due = start + (k * 1000) / rate;
      const r = requests[k % requests.length]!;
      const req = request(`${url}${r.path}`, { method: r.method, agent, headers: r.headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) latencies.push(performance.now() - due);
          else failed++;
          settle();
        });
      });
      req.on('error', () => (failed++, settle()));
      req.end(r.body);
    };
    const tick = (): void => {
      const now = performance.now();
      while (sent < total && start + (sent * 1000) / rate <= now) send(sent++);
      if (sent < total) setTimeout(tick, 1);
    };
    setTimeout(tick, 50);
  });
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { done: latencies.length, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), failed };
}

interface Scenario { readonly name: string; readonly requests: CannonRequest[]; readonly connections: number; readonly rate?: number; readonly itemsPerRequest: number }

async function runScenario(url: string, s: Scenario): Promise<void> {
  // autocannon's coordinated-omission correction assumes an interval of ceil(1/rate) = 1 ms and pads every sample
  // with fake ones, which skews the percentiles; the paced run below measures the fixed rate properly.
  const rate = s.rate ? { overallRate: s.rate, ignoreCoordinatedOmission: true } : {};
  // Warm the JIT and the checker caches first, so the numbers describe a server that has been up for a while.
  await autocannon({ url, connections: s.connections, duration: 2, requests: s.requests, ...rate });
  const before = await counters(url);
  const r = await autocannon({ url, connections: s.connections, duration: DURATION, requests: s.requests, ...rate });
  const u = rates(before, await counters(url));
  const reqPerS = r.requests.total / r.duration;
  console.log(
    `${s.name.padEnd(50)} ${reqPerS.toFixed(0).padStart(6)} req/s ${(reqPerS * s.itemsPerRequest).toFixed(0).padStart(7)} responses/s ` +
      `${u.checksPerS.toFixed(0).padStart(7)} checks/s  p50 ${r.latency.p50.toFixed(1).padStart(6)} ms  p99 ${r.latency.p99.toFixed(1).padStart(7)} ms  ` +
      `busy: main ${u.main}, workers ${u.workers}  (non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts})`,
  );
}

async function main(): Promise<void> {
  const { child, url } = await startChild(WORKERS);
  const meanConstraints = rows.reduce((n, r) => n + r.instructionIds.length, 0) / rows.length;
  console.log(`reward server ${url}: ${WORKERS} checker workers on ${availableParallelism()} cores; ${DURATION} s per scenario after a 2 s warm-up`);
  console.log(`bodies: first 64 IFEval GPT-4 responses (mean ${meanConstraints.toFixed(2)} constraints, ${Math.round(rows.reduce((n, r) => n + r.response.length, 0) / rows.length)} chars)`);
  const scenarios: Scenario[] = [
    { name: `/get_reward, 1 sample, ${RATE} req/s (autocannon, bursty)`, requests: getReward, connections: 32, rate: RATE, itemsPerRequest: 1 },
    { name: '/get_reward, 1 sample, saturation (64 conns)', requests: getReward, connections: 64, itemsPerRequest: 1 },
    { name: '/verify/batch, 32 responses, saturation (8 conns)', requests: batch, connections: 8, itemsPerRequest: 32 },
    { name: '/verify tiny (no_comma on 11 chars), saturation', requests: tiny, connections: 64, itemsPerRequest: 1 },
  ];
  try {
    for (const s of scenarios) await runScenario(url, s);
    const before = await counters(url);
    const p = await paced(url, getReward, RATE, DURATION);
    const u = rates(before, await counters(url));
    console.log(
      `${`/get_reward, 1 sample, paced evenly at ${RATE} req/s`.padEnd(50)} ${(p.done / DURATION).toFixed(0).padStart(6)} req/s ${''.padStart(19)} ` +
        `${u.checksPerS.toFixed(0).padStart(7)} checks/s  p50 ${p.p50.toFixed(1).padStart(6)} ms  p99 ${p.p99.toFixed(1).padStart(7)} ms  ` +
        `busy: main ${u.main}, workers ${u.workers}  (failed ${p.failed}; latency counted from each request's due time)`,
    );
  } finally {
    child.kill('SIGTERM');
  }
}
