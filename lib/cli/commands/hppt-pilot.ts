/** `ifkit hppt pilot`: rollouts from an OpenAI-compatible server, scored, with resume after any interruption. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { openReplyCache } from '../../judge/cache';
import { createJudgeFromSpec, parseJudgeSpec } from '../../judge/spec';
import type { JudgeMode } from '../../judge/types';
import { openPilotFile } from '../../hppt/pilot-file';
import { runPilot } from '../../hppt/pilot';
import { readDataset } from '../../hppt/read-input';
import { createRolloutClient } from '../../hppt/rollout-client';
import { networkIsolation, runUntrustedCheck } from '../../hppt/sandbox';
import type { PilotReward } from '../../hppt/score';
import { badRowMessage, type InputFormat } from '../../hppt/types';
import { intAtLeastFlag, nonNegativeFlag, nonNegativeIntFlag, positiveIntFlag } from '../flags';

export interface PilotFlags {
  readonly format: InputFormat | 'auto';
  readonly server: string;
  readonly model: string;
  readonly n: string;
  readonly samplesPerRequest?: string;
  readonly temperature: string;
  readonly maxTokens: string;
  readonly seed: string;
  readonly reward: PilotReward;
  readonly judge?: string;
  readonly judgeMode: JudgeMode;
  readonly runUntrustedCode?: boolean;
  readonly sandboxTimeoutMs: string;
  readonly sandboxMemoryMb: string;
  readonly concurrency: string;
  readonly timeoutMs: string;
  readonly maxRetries: string;
  readonly limit?: string;
  readonly out: string;
  readonly quiet?: boolean;
}

/** The settings that decide what the pilot's results mean: a rerun into the same --out must use the same ones. */
function settings(input: string, f: PilotFlags) {
  const n = positiveIntFlag('n', f.n);
  return {
    input,
    server: f.server,
    model: f.model,
    n,
    samplesPerRequest: f.samplesPerRequest !== undefined ? positiveIntFlag('samples-per-request', f.samplesPerRequest) : n,
    temperature: nonNegativeFlag('temperature', f.temperature),
    maxTokens: positiveIntFlag('max-tokens', f.maxTokens),
    seed: nonNegativeIntFlag('seed', f.seed),
    reward: f.reward,
    judge: f.judge ?? null,
    judgeMode: f.judgeMode,
    runUntrustedCode: f.runUntrustedCode === true,
  };
}

function checkSameSettings(file: string, now: ReturnType<typeof settings>): void {
  if (!existsSync(file)) return;
  const before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const changed = Object.entries(now).filter(([k, v]) => JSON.stringify(before[k]) !== JSON.stringify(v)).map(([k]) => k);
  if (changed.length) {
    throw new Error(`${file} records a pilot with other settings (${changed.join(', ')} differ); rerun with the same flags to resume it, or pick a new --out`);
  }
}

export async function pilotAction(input: string, f: PilotFlags): Promise<void> {
  const s = settings(input, f);
  mkdirSync(f.out, { recursive: true });
  const configFile = join(f.out, 'pilot-config.json');
  checkSameSettings(configFile, s);
  writeFileSync(configFile, JSON.stringify(s, null, 2) + '\n');
  const read = await readDataset(input, f.format);
  console.log(`${input}: ${read.items.length} prompts (${read.format}), ${read.bad.length} bad rows skipped`);
  for (const b of read.bad.slice(0, 10)) console.log(`  ${badRowMessage(b)}`);
  const items = f.limit !== undefined ? read.items.slice(0, positiveIntFlag('limit', f.limit)) : read.items;

  const rolloutCache = openReplyCache(join(f.out, 'rollout-cache.jsonl'));
  const results = openPilotFile(join(f.out, 'pilot.jsonl'));
  if (results.done.size || rolloutCache.size) console.log(`resuming: ${results.done.size} prompts done, ${rolloutCache.size} requests cached`);
  const retry = { maxRetries: nonNegativeIntFlag('max-retries', f.maxRetries) };
  const client = createRolloutClient(
    { baseURL: s.server, model: s.model, temperature: s.temperature, maxTokens: s.maxTokens, concurrency: positiveIntFlag('concurrency', f.concurrency), timeoutMs: positiveIntFlag('timeout-ms', f.timeoutMs), retry },
    rolloutCache,
    { onRetry: (e) => console.error(`retry ${e.retry + 1} in ${Math.round(e.delayMs)} ms (${e.failure.reason})`) },
  );
  const judge = f.judge ? createJudgeFromSpec(parseJudgeSpec(f.judge), { cache: openReplyCache(join(f.out, 'judge-cache.jsonl')), mode: f.judgeMode, client: { retry } }) : undefined;
  const limits = { timeoutMs: positiveIntFlag('sandbox-timeout-ms', f.sandboxTimeoutMs), memoryMb: intAtLeastFlag('sandbox-memory-mb', f.sandboxMemoryMb, 16) };
  if (f.runUntrustedCode) console.log(`running the dataset's Python rules in a python3 sandbox (network: ${networkIsolation().kind}, ${limits.timeoutMs} ms, ${limits.memoryMb} MB)`);

  const bar = new SingleBar({ format: 'pilot {bar} {value}/{total} prompts', stream: process.stderr }, Presets.shades_classic);
  const started = Date.now();
  if (!f.quiet) bar.start(items.length, 0);
  const summary = await runPilot(
    items,
    client,
    { ...(judge ? { judge } : {}), ...(f.runUntrustedCode ? { runPython: (src: string, answers: readonly string[]) => runUntrustedCheck(src, answers, limits) } : {}) },
    // twice as many prompts in progress as requests in flight, so scoring one prompt never leaves the server idle
    { n: s.n, samplesPerRequest: s.samplesPerRequest, seed: s.seed, reward: s.reward, concurrency: positiveIntFlag('concurrency', f.concurrency) * 2 },
    results,
    { onPrompt: (done) => !f.quiet && bar.update(done) },
  ).finally(() => !f.quiet && bar.stop());
  const seconds = (Date.now() - started) / 1000;
  const record = { ...summary, seconds, requests: { ...client.stats }, badRows: read.bad.length };
  writeFileSync(join(f.out, 'pilot-summary.json'), JSON.stringify(record, null, 2) + '\n');
  console.log(
    `pilot: ${summary.piloted} prompts piloted (${summary.rollouts} rollouts), ${summary.resumed} done earlier, ${summary.skipped.length} skipped; ` +
      `${client.stats.asked} requests sent, ${client.stats.cached} from cache, ${client.stats.retries} retries; ${seconds.toFixed(1)} s`,
  );
  for (const sk of summary.skipped.slice(0, 10)) console.log(`  skipped ${sk.reason}`);
  if (summary.checkFailures) console.log(`  ${summary.checkFailures} Python rule checks failed or timed out (scored as failed; see "failures" in pilot.jsonl)`);
  console.log(`results: ${join(f.out, 'pilot.jsonl')}; next: ifkit hppt filter ${input} --pilot ${join(f.out, 'pilot.jsonl')} --out <dir>`);
}
