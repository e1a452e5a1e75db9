/*
 * ifkit's GRPO step against a PyTorch twin of the same step, side by side in one run:
 *   npx tsx bench/step-vs-torch.ts           (QUICK=1: fewer rounds; SIZES=lab-default,1M: a subset)
 * For each size in bench/step-sizes.ts: the real step (lib/rl/grpo.ts grpoStep: rollout with KV-cache sampling,
 * group advantages, one clipped-ratio update with Adam) and bench/torch-twin.py's step (PyTorch eager, 1 thread)
 * alternate, each in its own process on one thread, so both see the same machine load. Times are process CPU
 * time (medians); wall times and the load average are printed beside them. The floor is the step's matmul FLOPs
 * (bench/step-flops.ts) at the wasm backend's best 2-D matmul rate, measured here.
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
import { initBackend } from '../lib/tensor/backend';
import { samplingFlops, updateFlops } from './step-flops';
import { STEP_SIZES, type StepSize } from './step-sizes';
import { startTorchTwin, type TorchTwin, type TwinTimes } from './torch-process';

const QUICK = process.env.QUICK === '1';
const ROUNDS = QUICK ? 4 : 12;
const WARMUP = 2;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');
const ms = (s: number): string => (s * 1000).toFixed(1);

/** The fastest 2-D product the wasm backend runs (XNNPACK), GFLOP/s of CPU time, at the step's MLP shape. */
function matmulRate(size: StepSize): number {
  const n = size.prompts * size.groupSize * (size.promptLength + size.maxNewTokens);
  const [k, m] = [size.model.dModel, 4 * size.model.dModel];
  const a = tf.randomNormal([n, k]);
  const b = tf.randomNormal([k, m]);
  const once = (): void => tf.tidy(() => void tf.matMul(a, b).dataSync());
  once();
  let best = Infinity;
  for (let r = 0; r < 5; r++) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < 20; i++) once();
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1e6 / 20);
  }
  tf.dispose([a, b]);
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
  const theirs = async (): Promise<TwinTimes> => twin!.step();
  for (let i = 0; i < WARMUP; i++) {
    await ours();
    if (twin) await theirs();
  }
  const a: Sample[] = [];
  const b: Sample[] = [];
  const loadBefore = load();
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 0 || !twin) a.push(await ours());
    if (twin) b.push(await theirs());
    if (r % 2 === 1 && twin) a.push(await ours());
  }
  const rate = matmulRate(size);
  const floors = { sample: samplingFlops(size) / rate / 1e9, update: updateFlops(size) / rate / 1e9 };
  const med = (xs: Sample[], k: keyof Sample): number => median(xs.map((x) => x[k]));
  const { dModel: D, nLayers: L, nHeads: H, contextLength: C, vocabSize: V } = size.model;
  console.log(`\n== ${size.name}: ${size.why}`);
  console.log(
    `d=${D} L=${L} H=${H} context ${C} vocab ${V}: ifkit ${parameterCount(policy).toLocaleString()} parameters` +
      (twinInfo ? `, torch ${twinInfo.params.toLocaleString()} (${twinInfo.threads} thread)` : '') +
      `; ${size.prompts} prompts × ${size.groupSize} samples × ${size.maxNewTokens} new tokens, prompts of ${size.promptLength} tokens`,
  );
  const rows = (['sample', 'update'] as const).map((phase) => {
    const cpu = (xs: Sample[]): number => med(xs, `${phase}Cpu`);
    const wall = (xs: Sample[]): number => med(xs, `${phase}Wall`);
    return {
      phase: phase === 'sample' ? 'sampling' : 'update',
      'ifkit cpu ms': ms(cpu(a)),
      'torch cpu ms': twin ? ms(cpu(b)) : '-',
      'ifkit / torch': twin ? (cpu(a) / cpu(b)).toFixed(2) : '-',
      'ifkit wall ms': ms(wall(a)),
      'torch wall ms': twin ? ms(wall(b)) : '-',
      'floor ms': ms(floors[phase]),
      'ifkit / floor': (cpu(a) / floors[phase]).toFixed(2),
    };
  });
  const total = (xs: Sample[]): number => med(xs.map((x) => ({ ...x, sampleCpu: x.sampleCpu + x.updateCpu })), 'sampleCpu');
  rows.push({
    phase: 'step',
    'ifkit cpu ms': ms(total(a)),
    'torch cpu ms': twin ? ms(total(b)) : '-',
    'ifkit / torch': twin ? (total(a) / total(b)).toFixed(2) : '-',
    'ifkit wall ms': '',
    'torch wall ms': '',
    'floor ms': ms(floors.sample + floors.update),
    'ifkit / floor': (total(a) / (floors.sample + floors.update)).toFixed(2),
  });
  console.table(rows);
  console.log(`medians of ${a.length} + ${b.length} interleaved steps after ${WARMUP} warm-up steps each; wasm 2-D matmul ${rate.toFixed(1)} GFLOP/s; load ${loadBefore} → ${load()}`);
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
