/*
 * Time of one real GRPO step (lib/rl/grpo.ts, not a re-enactment) at the target shape:
 *   npx tsx bench/grpo.ts            (QUICK=1 for fewer steps; IFKIT_BACKEND=cpu to compare)
 * 8 prompts × 8 samples × 48 new tokens (no stop token, so every completion is 48 tokens) on a ~1M-parameter
 * policy over the lab vocabulary, with its breakdown: sampling (KV-cache generation), reward (the lab's three
 * checks) and update (one forward + backward + AdamW). Target: < 5 s per step on 2 cores.
 * The machine is shared: the load average is printed next to the numbers.
 */
import { loadavg } from 'node:os';
import { labTask } from '../lib/lab/tasks/first-task/run';
import { LAB_DEFAULTS } from '../lib/lab/tasks/first-task/config';
import { labTokenizer, splitInstances } from '../lib/lab/tasks/first-task/world';
import { MODEL_DEFAULTS } from '../lib/model/config';
import { createPolicy, parameterCount } from '../lib/model/policy';
import { parseGrpoConfig } from '../lib/rl/config';
import { trainGrpo, type GrpoMetrics } from '../lib/rl/grpo';
import { initBackend } from '../lib/tensor/backend';

const QUICK = process.env.QUICK === '1';
const STEPS = QUICK ? 3 : 6;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main(): Promise<void> {
  const backend = await initBackend();
  const tok = labTokenizer();
  const model = { ...MODEL_DEFAULTS, contextLength: 64 };
  const policy = createPolicy({ vocabSize: tok.vocabSize, ...model }, tok, 0);
  const config = parseGrpoConfig({ steps: STEPS, promptsPerStep: 8, groupSize: 8, maxNewTokens: 48, checkpointEvery: 0, evalEvery: 0 });
  const split = splitInstances(LAB_DEFAULTS.heldOut, 1);
  // no stop token: every completion runs the full 48 tokens, the worst case the target is about
  const task = { ...labTask(LAB_DEFAULTS, split, tok), stopTokens: [] };
  const rows: GrpoMetrics[] = await trainGrpo({ policy, config, task });
  const timed = rows.slice(1); // step 1 pays for wasm kernel set-up
  const pick = (k: keyof GrpoMetrics): number => median(timed.map((r) => r[k] as number));
  console.log(`backend ${backend.name}${backend.simd ? ' simd' : ''}, threads ${backend.threads ?? '-'}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`policy ${parameterCount(policy).toLocaleString()} parameters (d=${model.dModel}, L=${model.nLayers}, H=${model.nHeads}, vocab ${tok.vocabSize})`);
  console.log(`GRPO step: 8 prompts × 8 samples × 48 new tokens, median of ${timed.length} steps after a warm-up step`);
  console.table([
    {
      clock: 'wall',
      'step s': pick('stepSeconds').toFixed(2),
      'sampling s': pick('sampleSeconds').toFixed(2),
      'reward s': pick('rewardSeconds').toFixed(4),
      'update s': pick('updateSeconds').toFixed(2),
      'step / 5 s target': (pick('stepSeconds') / 5).toFixed(2),
    },
    {
      clock: 'cpu',
      'step s': pick('stepCpuSeconds').toFixed(2),
      'sampling s': `${pick('rolloutCpuSeconds').toFixed(2)} (+reward)`,
      'reward s': '-',
      'update s': pick('updateCpuSeconds').toFixed(2),
      'step / 5 s target': (pick('stepCpuSeconds') / 5).toFixed(2),
    },
  ]);
  console.log(`${Math.round(pick('responseTokens') * 64)} sampled tokens per step, ${Math.round(pick('tokensPerSecond'))} tokens/s (wall)`);
  console.log('cpu = process CPU time; the wasm backend runs one thread, so on an idle core wall ≈ cpu');
  policy.dispose();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
