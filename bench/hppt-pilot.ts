/*
 * Pilot throughput against a served lab policy, the whole real path: `ifkit hppt pilot`'s runPilot → the rollout
 * client (openai package, retries, reply cache) → HTTP → lib/server/policy-server → KV-cache sampling → scoring by
 * the registry. Same process, loopback. Compares n samples per request (one batch of n) with one sample per request
 * (n requests), interleaved over rounds, and prints rollouts/s by wall and by process CPU time:
 *   npx tsx bench/hppt-pilot.ts        (QUICK=1 for fewer rounds)
 * The machine is shared: the load average is printed next to the numbers.
 */
import { loadavg } from 'node:os';
import { memoryReplyCache } from '../lib/judge/cache';
import { runPilot } from '../lib/hppt/pilot';
import { ifkitItem } from '../lib/hppt/ifkit-format';
import { createRolloutClient } from '../lib/hppt/rollout-client';
import { allInstances, labTokenizer, promptText } from '../lib/lab/tasks/first-task/world';
import { MODEL_DEFAULTS } from '../lib/model/config';
import { createPolicy, parameterCount } from '../lib/model/policy';
import { startPolicyServer } from '../lib/server/policy-server';
import { initBackend } from '../lib/tensor/backend';

const QUICK = process.env.QUICK === '1';
const ROUNDS = QUICK ? 2 : 4;
const PROMPTS = 16;
const N = 8;
const MAX_TOKENS = 16;

const items = allInstances()
  .filter((_, i) => i % 75 === 0)
  .slice(0, PROMPTS)
  .map((m, i) =>
    ifkitItem(
      { key: `b${i}`, prompt: promptText(m), instruction_id_list: ['keywords:existence', 'change_case:english_lowercase'], kwargs: [{ keywords: [m.keyword] }, null] },
      { file: 'bench', line: i + 1, format: 'ifkit' },
    ),
  );

async function pilotOnce(baseURL: string, perRequest: number, seed: number): Promise<{ wall: number; cpu: number; rollouts: number }> {
  const client = createRolloutClient({ baseURL, model: 'lab', temperature: 1, maxTokens: MAX_TOKENS, concurrency: 4 }, memoryReplyCache());
  const out = { done: new Set<string>(), tornLastLine: false, append: () => undefined }; // results stay in memory
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const s = await runPilot(items, client, {}, { n: N, samplesPerRequest: perRequest, seed, reward: 'all' }, out);
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6, rollouts: s.rollouts };
}

async function main(): Promise<void> {
  const backend = await initBackend();
  const tok = labTokenizer();
  const policy = createPolicy({ vocabSize: tok.vocabSize, ...MODEL_DEFAULTS, contextLength: 48 }, tok, 0);
  const server = await startPolicyServer({ policy, modelName: 'lab' });
  await pilotOnce(server.baseURL, N, 999); // warm-up: wasm kernels, first HTTP connections
  const sums = { batched: { wall: 0, cpu: 0, rollouts: 0 }, single: { wall: 0, cpu: 0, rollouts: 0 } };
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, per] of [['batched', N], ['single', 1]] as const) {
      const x = await pilotOnce(server.baseURL, per, r);
      sums[name].wall += x.wall;
      sums[name].cpu += x.cpu;
      sums[name].rollouts += x.rollouts;
    }
  }
  await server.close();
  console.log(`backend ${backend.name}${backend.simd ? ' simd' : ''}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`policy ${parameterCount(policy).toLocaleString()} parameters; ${PROMPTS} prompts × ${N} rollouts × ≤ ${MAX_TOKENS} tokens, ${ROUNDS} rounds each, interleaved`);
  for (const [name, s] of Object.entries(sums)) {
    console.log(`${name.padEnd(8)} (${name === 'batched' ? `n=${N} per request` : '1 per request'}): ${(s.rollouts / s.wall).toFixed(1)} rollouts/s wall, ${(s.rollouts / s.cpu).toFixed(1)} rollouts per CPU-second`);
  }
  console.log(`batched / single: ${((sums.batched.rollouts / sums.batched.wall) / (sums.single.rollouts / sums.single.wall)).toFixed(2)}× by wall, ${((sums.batched.rollouts / sums.batched.cpu) / (sums.single.rollouts / sums.single.cpu)).toFixed(2)}× by CPU`);
  policy.dispose();
}

void main();
