/*
 * ifkit's GRPO step against a PyTorch twin of the same step, side by side in one run:
 *   npx tsx bench/step-vs-torch.ts           (QUICK=1: fewer rounds; SIZES=lab-default,1M: a subset)
 * For each size in bench/step/sizes.ts: the real step (lib/rl/grpo.ts grpoStep: rollout with KV-cache sampling,
 * group advantages, one clipped-ratio update with Adam) and bench/step/torch-twin.py's step (PyTorch eager, 1 thread)
 * alternate, each in its own process on one thread, so all see the same machine load. The twin runs its update
 * twice per round: as TRL does (every row's prompt + completion: the headline ratio) and as ifkit does (each
 * prompt once per group: the engines compared on one algorithm). Times are process CPU time (medians); wall times
 * and the load average are printed beside them. The floor is ifkit's phase FLOPs (bench/step/flops.ts) at ifkit's
 * own wasm gemm rate, measured here: what the phase would take with zero per-operation overhead. A floor / torch
 * above 1 means that phase cannot reach torch in wasm SIMD (no FMA) at all; below 1, the rest of the gap is
 * overhead outside the matrix products.
 * Without PyTorch (Debian: apt-get install python3-torch) it prints ifkit's side and says so.
 */
import * as tf from '@tensorflow/tfjs';
import { loadavg } from 'node:os';
import { createPolicy, parameterCount } from '../lib/model/policy';
import { createTokenizer } from '../lib/model/tokenizer';
import { createRng, type Rng } from '../lib/stats/rng';
import { parseGrpoConfig } from '../lib/rl/config';
import { grpoStep, type GrpoTask } from '../lib/rl/grpo';
import { createAdam } from '../lib/rl/optimizer';
import { mlpWidth } from '../lib/model/weights';
import { initBackend } from '../lib/tensor/backend';
import { kernels } from '../lib/tensor/wasm/kernels';
import { offsetOf } from '../lib/tensor/wasm/runtime';
import { samplingFlops, updateFlops } from './step/flops';
import { STEP_SIZES, type StepSize } from './step/sizes';
import { startTorchTwin, type TorchTwin } from './step/torch-process';

const QUICK = process.env.QUICK === '1';
const ROUNDS = QUICK ? 4 : 12;
const WARMUP = 2;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');
const ms = (s: number): string => (s * 1000).toFixed(1);

/** ifkit's wasm gemm (lib/tensor/wasm/gemm.ts), GFLOP/s of CPU time, at the update's MLP shape (best of 5). */
function gemmRate(size: StepSize): number {
  const n = size.prompts * size.promptLength + size.prompts * size.groupSize * size.maxNewTokens;
  const [k, m] = [size.model.dModel, mlpWidth(size.model)];
  const a = tf.randomNormal([n, k]);
  const b = tf.randomNormal([k, m]);
  const c = tf.zeros([n, m]);
  const K = kernels();
  const once = (): void => void K.fns.gemm!(offsetOf(K.backend, a), offsetOf(K.backend, b), offsetOf(K.backend, c), n, k, m, k, m, m, 0);
  once();
  let best = Infinity;
  for (let r = 0; r < 5; r++) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < 20; i++) once();
    const t = process.cpuUsage(c0);
    best = Math.min(best, (t.user + t.system) / 1e6 / 20);
  }
  tf.dispose([a, b, c]);
  return (2 * n * k * m) / best / 1e9;
}

/** Synthetic prompts of exactly promptLength tokens and a cheap reward that varies within a group. */
function syntheticTask(size: StepSize): GrpoTask<null> {
  return {
    samplePrompts: (rng: Rng, n: number) =>
      Array.from({ length: n }, () => ({ text: '', meta: null, ids: [1, ...Array.from({ length: size.promptLength - 1 }, () => rng.int(3, size.model.vocabSize - 1))] })),
    reward: (_p, completion) => completion.length % 2,
    stopTokens: [],
  };
}

interface Sample {
  sampleCpu: number;
  updateCpu: number;
  sampleWall: number;
  updateWall: number;
}

const cpuOf = (x: Sample, phase: 'sample' | 'update' | 'step'): number =>
  phase === 'step' ? x.sampleCpu + x.updateCpu : phase === 'sample' ? x.sampleCpu : x.updateCpu;

/** One row of the table: medians of ifkit, the TRL-style twin and the shared-prompt twin, ratios and the floor. */
function row(name: string, phase: 'sample' | 'update' | 'step', a: Sample[], trl: Sample[], shared: Sample[], floor: number): Record<string, string> {
  const med = (xs: Sample[]): number => median(xs.map((x) => cpuOf(x, phase)));
  const ratio = (xs: Sample[]): string => (xs.length ? (med(a) / med(xs)).toFixed(2) : '-');
  const ms1 = (xs: Sample[]): string => (xs.length ? ms(med(xs)) : '-');
  return {
    phase: name,
    'ifkit cpu ms': ms(med(a)),
    'torch cpu ms': ms1(trl),
    'ifkit / torch': ratio(trl),
    'torch shared-prompt ms': ms1(shared),
    'ifkit / torch shared': ratio(shared),
    'ifkit floor ms': ms(floor),
    'floor / torch': trl.length ? (floor / med(trl)).toFixed(2) : '-',
    'floor / torch shared': shared.length ? (floor / med(shared)).toFixed(2) : '-',
    'ifkit wall ms': phase === 'step' ? '' : ms(median(a.map((x) => (phase === 'sample' ? x.sampleWall : x.updateWall)))),
  };
}

async function benchSize(size: StepSize, twin: TorchTwin | undefined): Promise<void> {
  const words = Array.from({ length: size.model.vocabSize - 259 }, (_, i) => `w${i}`);
  const tok = createTokenizer(words);
  const policy = createPolicy(size.model, tok, 0);
  const config = parseGrpoConfig({ steps: 1000, promptsPerStep: size.prompts, groupSize: size.groupSize, maxNewTokens: size.maxNewTokens, checkpointEvery: 0, evalEvery: 0 });
  const optimizer = createAdam(policy.variables, config.adam);
  const task = syntheticTask(size);
  const rng = createRng(1);
  const twinInfo = twin ? await twin.setup(size) : undefined;
  let step = 0;
  const ours = async (): Promise<Sample> => {
    const r = await grpoStep(policy, undefined, optimizer, task, config, rng, step++);
    return { sampleCpu: r.rolloutCpuSeconds, updateCpu: r.updateCpuSeconds, sampleWall: r.sampleSeconds + r.rewardSeconds, updateWall: r.updateSeconds };
  };
  const a: Sample[] = [];
  const trl: Sample[] = [];
  const shared: Sample[] = [];
  for (let r = -WARMUP; r < ROUNDS; r++) {
    // alternate who goes first, so a slow spell of the machine does not always hit the same side
    const round: [Sample[], () => Promise<Sample>][] = [[a, ours]];
    if (twin) round.push([trl, () => twin.step(false)], [shared, () => twin.step(true)]);
    if (r % 2) round.reverse();
    for (const [into, run] of round) {
      const x = await run();
      if (r >= 0) into.push(x);
    }
  }
  const rate = gemmRate(size);
  const floors = { sample: samplingFlops(size) / rate / 1e9, update: updateFlops(size) / rate / 1e9 };
  const { dModel: D, nLayers: L, nHeads: H, contextLength: C, vocabSize: V } = size.model;
  console.log(`\n== ${size.name}: ${size.why}`);
  console.log(
    `d=${D} L=${L} H=${H} context ${C} vocab ${V}: ifkit ${parameterCount(policy).toLocaleString()} parameters` +
      (twinInfo ? `, torch ${twinInfo.params.toLocaleString()} (${twinInfo.threads} thread)` : '') +
      `; ${size.prompts} prompts × ${size.groupSize} samples × ${size.maxNewTokens} new tokens, prompts of ${size.promptLength} tokens`,
  );
  console.table([
    row('sampling', 'sample', a, trl, shared, floors.sample),
    row('update', 'update', a, trl, shared, floors.update),
    row('step', 'step', a, trl, shared, floors.sample + floors.update),
  ]);
  console.log(`medians of ${a.length} interleaved steps per side after ${WARMUP} warm-up rounds; ifkit's wasm gemm ${rate.toFixed(1)} GFLOP/s; load ${load()}`);
  optimizer.dispose();
  policy.dispose();
}

async function main(): Promise<void> {
  const backend = await initBackend();
  const twin = await startTorchTwin();
  console.log(`ifkit: backend ${backend.name}${backend.simd ? ' SIMD' : ''}, ${backend.threads ?? 1} thread; node ${process.version}`);
  console.log(twin ? `torch ${twin.version} (${twin.python}), eager CPU, 1 thread` : 'PyTorch is not installed (Debian: apt-get install python3-torch; or set IFKIT_PYTHON): ifkit only');
  console.log(`load average ${load()}${QUICK ? ', QUICK' : ''}`);
  const wanted = process.env.SIZES?.split(',');
  try {
    for (const size of STEP_SIZES) if (!wanted || wanted.includes(size.name)) await benchSize(size, twin);
  } finally {
    twin?.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : String(e));
  process.exitCode = 1;
});
