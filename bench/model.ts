/*
 * Speed of the tensor backend and of the policy, measured in one run (numbers only, never pass/fail):
 *   npx tsx bench/model.ts            (IFKIT_BACKEND=cpu to compare the pure-JS backend; QUICK=1 for a short run)
 * 1. matmul GFLOP/s at a few shapes, plain and with tfjs's transposeB flag (why lib/tensor/matmul.ts exists), and
 *    ifkit's own wasm gemm (lib/tensor/wasm/gemm.ts, what the fused path runs);
 * 2. attention: one batched matmul over heads vs a loop over heads (a training step on the tfjs-op path, two
 *    widths; the fused wasm path of lib/model/fused-*.ts, which training uses on wasm, has its own attention kernels);
 * 3. training and sampling tokens/s at ~100k, ~1M and ~4M parameters, and the achieved fraction of the matmul rate
 *    during a training step (FLOPs counted analytically ÷ time ÷ matmul rate);
 * 4. the issue's target: a GRPO step of 8 prompts × 8 samples × 48 new tokens at ~1M parameters, as its parts.
 * The machine is shared: the load average is printed next to the numbers.
 */
import * as tf from '@tensorflow/tfjs';
import { loadavg } from 'node:os';
import { initBackend } from '../lib/tensor/backend';
import { matMul } from '../lib/tensor/matmul';
import { kernels } from '../lib/tensor/wasm/kernels';
import { offsetOf } from '../lib/tensor/wasm/runtime';
import { setAttentionImpl, type AttentionImpl } from '../lib/model/attention';
import { setFusedPath } from '../lib/model/fused-plan';
import type { ModelConfig } from '../lib/model/config';
import { batchFromSequences, createPolicy, parameterCount, type Policy } from '../lib/model/policy';
import { sftLoss, type SftExample } from '../lib/model/sft';
import { createTokenizer } from '../lib/model/tokenizer';
import { mlpWidth } from '../lib/model/weights';
import { createRng } from '../lib/stats/rng';

const QUICK = process.env.QUICK === '1';
const MIN_MS = QUICK ? 300 : 1500;

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Mean time (ms) of `fn` after one warm-up call, over at least 2 calls and MIN_MS: wall clock, and CPU time of
 * this process. The wasm backend runs one thread, so on an idle machine the two agree; on a shared one the CPU
 * time is closer to what an idle core would do (still slowed by cache thrashing from other processes).
 */
async function timeMs(fn: () => unknown | Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  await fn();
  let n = 0;
  const t0 = performance.now();
  const c0 = cpuMs();
  while (n < 2 || performance.now() - t0 < MIN_MS) {
    await fn();
    n++;
  }
  return { wall: (performance.now() - t0) / n, cpu: (cpuMs() - c0) / n };
}

function table(title: string, rows: Record<string, string | number>[]): void {
  console.log(`\n${title}`);
  console.table(rows);
}

const fmt = (x: number, digits = 2): string => x.toFixed(digits);

/**
 * Compute a tensor and wait for its values. The read happens inside the tidy but is not returned from it: tidy
 * walks a returned TypedArray element by element looking for tensors, which made an early version of this bench
 * report matmuls 20x slower than they are.
 */
const readBack = (f: () => tf.Tensor) => (): void => {
  tf.tidy(() => {
    f().dataSync();
  });
};

async function benchMatmul(): Promise<number> {
  const shapes: [number, number, number][] = [[64, 128, 384], [512, 128, 512], [2048, 128, 512], [1024, 256, 1024], [512, 512, 512]];
  const rows: Record<string, string | number>[] = [];
  let best = 0;
  for (const [n, k, m] of shapes) {
    const a = tf.randomNormal([n, k]);
    const b = tf.randomNormal([k, m]);
    const bt = tf.transpose(b);
    const flops = 2 * n * k * m;
    const plain = await timeMs(readBack(() => tf.matMul(a, b)));
    const flag = await timeMs(readBack(() => tf.matMul(a, bt, false, true)));
    const ours = await timeMs(readBack(() => matMul(a, bt, false, true)));
    const c = tf.zeros([n, m]);
    const K = kernels();
    const gemm = await timeMs(() => K.fns.gemm!(offsetOf(K.backend, a), offsetOf(K.backend, b), offsetOf(K.backend, c), n, k, m, k, m, m, 0));
    c.dispose();
    const rate = (ms: number) => flops / ms / 1e6;
    best = Math.max(best, rate(gemm.cpu));
    rows.push({
      'shape (n×k×m)': `${n}×${k}×${m}`,
      'plain GFLOP/s (wall)': fmt(rate(plain.wall)),
      'plain (cpu)': fmt(rate(plain.cpu)),
      'transposeB flag (cpu)': fmt(rate(flag.cpu)),
      'explicit transpose (cpu)': fmt(rate(ours.cpu)),
      'ifkit gemm (cpu)': fmt(rate(gemm.cpu)),
    });
    tf.dispose([a, b, bt]);
  }
  table('1. matmul GFLOP/s; (cpu) = per CPU-second of this process', rows);
  return best;
}

const tok = createTokenizer(Array.from({ length: 190 }, (_, i) => `w${i}`)); // a lab-sized vocabulary: 449 tokens

function syntheticExamples(n: number, promptLen: number, responseLen: number, seed: number): SftExample[] {
  const rng = createRng(seed);
  const draw = (len: number) => Array.from({ length: len }, () => rng.int(259, tok.vocabSize - 1));
  return Array.from({ length: n }, () => ({ prompt: [tok.bos, ...draw(promptLen - 1)], response: draw(responseLen) }));
}

/** One optimizer step on a batch, the unit of training cost. */
function trainStep(policy: Policy, optimizer: tf.Optimizer, batch: readonly SftExample[]): void {
  tf.tidy(() => {
    const { value, grads } = tf.variableGrads(() => sftLoss(policy, batch), policy.variables as tf.Variable[]);
    optimizer.applyGradients(grads as Record<string, tf.Variable>);
    value.dataSync();
  });
}

/**
 * Matmul FLOPs of one training step over B sequences of T tokens, as computed: full T×T attention; each product is
 * 2nkm forward and twice that backward (the embeddings are a gather and a scatter-add, no product).
 */
function trainStepFlops(c: ModelConfig, B: number, T: number): number {
  const D = c.dModel;
  const M = mlpWidth(c);
  const perTokenLayer = 2 * (3 * D * D + D * D + 2 * D * M) + 2 * 2 * T * D; // projections + q·k and att·v
  const head = 2 * D * c.vocabSize;
  return 3 * (B * T * c.nLayers * perTokenLayer + B * (T - 1) * head);
}

const SIZES: { name: string; config: ModelConfig }[] = [
  { name: '~100k', config: { vocabSize: tok.vocabSize, dModel: 64, nLayers: 2, nHeads: 4, contextLength: 72, mlpRatio: 4 } },
  { name: '~1M', config: { vocabSize: tok.vocabSize, dModel: 128, nLayers: 4, nHeads: 4, contextLength: 72, mlpRatio: 4 } },
  { name: '~4M', config: { vocabSize: tok.vocabSize, dModel: 256, nLayers: 5, nHeads: 8, contextLength: 72, mlpRatio: 4 } },
];

async function benchAttention(): Promise<void> {
  setFusedPath(false);
  const rows: Record<string, string | number>[] = [];
  for (const { name, config } of SIZES.slice(0, 2)) {
    const policy = createPolicy(config, tok, 0);
    const optimizer = tf.train.adam(1e-4);
    const batch = syntheticExamples(32, 16, 48, 1);
    const ms: Record<AttentionImpl, number> = { batched: 0, 'per-head': 0 };
    for (const impl of ['batched', 'per-head'] as const) {
      setAttentionImpl(impl);
      ms[impl] = (await timeMs(() => trainStep(policy, optimizer, batch))).cpu;
    }
    setAttentionImpl('batched');
    rows.push({
      model: name,
      heads: config.nHeads,
      'head width': config.dModel / config.nHeads,
      'batched cpu ms/step': fmt(ms.batched, 0),
      'per-head cpu ms/step': fmt(ms['per-head'], 0),
      'per-head / batched': fmt(ms['per-head'] / ms.batched),
    });
    optimizer.dispose();
    policy.dispose();
  }
  setFusedPath(true);
  table('2. attention implementation (tfjs-op path), training step of 32 × 64 tokens', rows);
}

async function benchSizes(matmulRate: number): Promise<void> {
  const rows: Record<string, string | number>[] = [];
  for (const { name, config } of SIZES) {
    const policy = createPolicy(config, tok, 0);
    const optimizer = tf.train.adam(1e-4);
    const B = 32;
    const batch = syntheticExamples(B, 16, 48, 1); // T = 64
    const T = 64;
    const step = await timeMs(() => trainStep(policy, optimizer, batch));
    const prompts = syntheticExamples(64, 16, 0, 2).map((e) => e.prompt);
    const rng = createRng(0);
    const sample = await timeMs(() => policy.generate(prompts, { maxNewTokens: 48, rng }));
    const stepFlops = trainStepFlops(config, B, T);
    const achieved = stepFlops / step.cpu / 1e6;
    rows.push({
      model: name,
      params: parameterCount(policy),
      'd/L/H': `${config.dModel}/${config.nLayers}/${config.nHeads}`,
      'train tok/s (wall)': fmt((B * T) / (step.wall / 1000), 0),
      'train tok/s (cpu)': fmt((B * T) / (step.cpu / 1000), 0),
      'sample tok/s (wall)': fmt((64 * 48) / (sample.wall / 1000), 0),
      'sample tok/s (cpu)': fmt((64 * 48) / (sample.cpu / 1000), 0),
      'step GFLOP': fmt(stepFlops / 1e9),
      'achieved GFLOP/s (cpu)': fmt(achieved),
      'fraction of matmul rate': fmt(achieved / matmulRate),
    });
    optimizer.dispose();
    policy.dispose();
  }
  table(`3. model sizes: training 32 × 64 tokens, sampling 64 prompts × 48 new tokens (matmul rate = best ifkit gemm cpu rate above, ${fmt(matmulRate)} GFLOP/s)`, rows);
}

async function benchGrpoStep(): Promise<void> {
  const config = SIZES[1]!.config;
  const policy = createPolicy(config, tok, 0);
  const reference = policy.clone();
  const optimizer = tf.train.adam(1e-4);
  const prompts = syntheticExamples(8, 20, 0, 3).flatMap((e) => Array.from({ length: 8 }, () => e.prompt)); // 8 prompts × 8 samples
  const rng = createRng(1);
  const completions = await policy.generate(prompts, { maxNewTokens: 48, rng });
  const seqs = prompts.map((p, i) => [...p, ...completions[i]!]);
  const sampleMs = await timeMs(() => policy.generate(prompts, { maxNewTokens: 48, rng }));
  const logProbs = (p: Policy) => readBack(() => p.tokenLogProbs(batchFromSequences(seqs, tok.pad)).logProbs);
  const oldMs = await timeMs(logProbs(policy));
  const refMs = await timeMs(logProbs(reference));
  const batch = prompts.map((p, i) => ({ prompt: p, response: completions[i]! }));
  const updateMs = await timeMs(() => trainStep(policy, optimizer, batch));
  const row = (part: string, t: { wall: number; cpu: number }) => ({ part, 'wall ms': fmt(t.wall, 0), 'cpu ms': fmt(t.cpu, 0) });
  const sum = (...ts: { wall: number; cpu: number }[]) => ({ wall: ts.reduce((s, t) => s + t.wall, 0), cpu: ts.reduce((s, t) => s + t.cpu, 0) });
  table('4. GRPO step at ~1M parameters: 8 prompts × 8 samples × 48 new tokens (prompt 20 tokens), target < 5 s', [
    row('sampling (KV cache)', sampleMs),
    row('old log-probs (forward; not needed when μ = 1)', oldMs),
    row('reference log-probs (forward; not needed when β = 0)', refMs),
    row('update (forward + backward + Adam)', updateMs),
    row('total, all parts', sum(sampleMs, oldMs, refMs, updateMs)),
    row('total, μ = 1 and β = 0', sum(sampleMs, updateMs)),
  ]);
  optimizer.dispose();
  reference.dispose();
  policy.dispose();
}

async function main(): Promise<void> {
  const info = await initBackend();
  const load = loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`backend ${info.name}${info.simd === undefined ? '' : ` (SIMD ${info.simd}, ${info.threads} thread)`}, node ${process.version}, load average ${load}${QUICK ? ', QUICK' : ''}`);
  const rate = await benchMatmul();
  await benchAttention();
  await benchSizes(rate);
  await benchGrpoStep();
  console.log(`\nload average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
}

void main();
