/*
 * ifkit's GRPO step against a PyTorch twin of the same step, side by side in one run:
 *   npx tsx bench/step-vs-torch.ts           (QUICK=1: fewer rounds; SIZES=lab-default,1M: a subset)
 * For each size in bench/step/sizes.ts: the real step (lib/rl/grpo.ts grpoStep: rollout with KV-cache sampling,
 * group advantages, one clipped-ratio update with Adam) and bench/step/torch-twin.py's step (PyTorch eager, 1 thread)
 * alternate, each in its own process on one thread, so all see the same machine load. Two comparisons per size:
 * each as it runs (ifkit's step, whose update scores the recorded sampling with each prompt once per group, against
 * the twin's update as TRL does it, every row's prompt + completion: the headline ratio), and one algorithm (ifkit
 * without the recording against the twin with each prompt once per group: the engines compared). Times are process
 * CPU time (medians); wall times and the load average are printed beside them. The floor is ifkit's phase FLOPs
 * (bench/step/flops.ts) at ifkit's own wasm gemm rate, measured here: what the phase would take with zero
 * per-operation overhead. A floor / torch above 1 means that phase cannot reach torch in wasm SIMD (no FMA) at all;
 * below 1, the rest of the gap is overhead outside the matrix products.
 * Without PyTorch (Debian: apt-get install python3-torch) it prints ifkit's side and says so.
 */
import * as tf from '@tensorflow/tfjs';
import { loadavg } from 'node:os';
import { setRecording } from '../lib/model/fused-record';
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
const WARMUP = 3; // V8 tiers the wasm kernels up in background threads during the first steps

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');
const ms = (s: number): string => (s * 1000).toFixed(1);

/**
 * ifkit's wasm gemm (lib/tensor/wasm/gemm.ts), GFLOP/s of CPU time: the best of 10 timings of each of the update's
 * two MLP products (the step's largest), so a slow spell of the shared machine does not lower the floor's rate.
 */
function gemmRate(size: StepSize): number {
  const n = size.prompts * size.promptLength + size.prompts * size.groupSize * size.maxNewTokens;
  const [D, M] = [size.model.dModel, mlpWidth(size.model)];
  const K = kernels();
  let best = 0;
  for (const [k, m] of [[D, M], [M, D]] as const) {
    const [a, b, c] = [tf.randomNormal([n, k]), tf.randomNormal([k, m]), tf.zeros([n, m])];
    const once = (): void => void K.fns.gemm!(offsetOf(K.backend, a), offsetOf(K.backend, b), offsetOf(K.backend, c), n, k, m, k, m, m, 0);
    once();
    for (let r = 0; r < 10; r++) {
      const c0 = process.cpuUsage();
      for (let i = 0; i < 10; i++) once();
      const t = process.cpuUsage(c0);
      best = Math.max(best, (2 * n * k * m) / ((t.user + t.system) / 1e6 / 10) / 1e9);
    }
    tf.dispose([a, b, c]);
  }
  return best;
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

type Phase = 'sample' | 'update' | 'step';
const PHASES: [string, Phase][] = [['sampling', 'sample'], ['update', 'update'], ['step', 'step']];
const cpuOf = (x: Sample, phase: Phase): number => (phase === 'step' ? x.sampleCpu + x.updateCpu : phase === 'sample' ? x.sampleCpu : x.updateCpu);
const wallOf = (x: Sample, phase: Phase): number => (phase === 'step' ? x.sampleWall + x.updateWall : phase === 'sample' ? x.sampleWall : x.updateWall);

/** Rows of one comparison: CPU medians of ifkit and of a twin, their ratio, ifkit's floor, and wall medians. */
function comparison(ours: Sample[], theirs: Sample[], floors: Record<Phase, number>): Record<string, string>[] {
  return PHASES.map(([name, phase]) => {
    const med = (xs: Sample[], of = cpuOf): number => median(xs.map((x) => of(x, phase)));
    const has = theirs.length > 0;
    return {
      phase: name,
      'ifkit cpu ms': ms(med(ours)),
      'torch cpu ms': has ? ms(med(theirs)) : '-',
      'ifkit / torch': has ? (med(ours) / med(theirs)).toFixed(2) : '-',
      'ifkit floor ms': ms(floors[phase]),
      'floor / torch': has ? (floors[phase] / med(theirs)).toFixed(2) : '-',
      'ifkit wall ms': ms(med(ours, wallOf)),
      'torch wall ms': has ? ms(med(theirs, wallOf)) : '-',
    };
  });
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
  const ours = (record: boolean) => async (): Promise<Sample> => {
    setRecording(record);
    const r = await grpoStep(policy, undefined, optimizer, task, config, rng, step++);
    setRecording(true);
    return { sampleCpu: r.rolloutCpuSeconds, updateCpu: r.updateCpuSeconds, sampleWall: r.sampleSeconds + r.rewardSeconds, updateWall: r.updateSeconds };
  };
  const [full, plain, trl, shared] = [[], [], [], []] as [Sample[], Sample[], Sample[], Sample[]];
  for (let r = -WARMUP; r < ROUNDS; r++) {
    // alternate who goes first, so a slow spell of the machine does not always hit the same side
    const round: [Sample[], () => Promise<Sample>][] = [[full, ours(true)], [plain, ours(false)]];
    if (twin) round.push([trl, () => twin.step(false)], [shared, () => twin.step(true)]);
    if (r % 2) round.reverse();
    for (const [into, run] of round) {
      const x = await run();
      if (r >= 0) into.push(x);
    }
  }
  const rate = gemmRate(size);
  const floorsOf = (recorded: boolean): Record<Phase, number> => {
    const [s, u] = [samplingFlops(size) / rate / 1e9, updateFlops(size, recorded) / rate / 1e9];
    return { sample: s, update: u, step: s + u };
  };
  const { dModel: D, nLayers: L, nHeads: H, contextLength: C, vocabSize: V } = size.model;
  console.log(`\n== ${size.name}: ${size.why}`);
  console.log(
    `d=${D} L=${L} H=${H} context ${C} vocab ${V}: ifkit ${parameterCount(policy).toLocaleString()} parameters` +
      (twinInfo ? `, torch ${twinInfo.params.toLocaleString()} (${twinInfo.threads} thread)` : '') +
      `; ${size.prompts} prompts × ${size.groupSize} samples × ${size.maxNewTokens} new tokens, prompts of ${size.promptLength} tokens`,
  );
  console.log('each as it runs: ifkit (prompts once per group, update on the recorded sampling) vs torch as TRL does it');
  console.table(comparison(full, trl, floorsOf(true)));
  console.log('one algorithm: prompts once per group and a forward pass in the update, on both sides');
  console.table(comparison(plain, shared, floorsOf(false)));
  console.log(`medians of ${full.length} interleaved steps per variant after ${WARMUP} warm-up rounds; ifkit's wasm gemm ${rate.toFixed(1)} GFLOP/s; load ${load()}`);
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
