import * as tf from '@tensorflow/tfjs';
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setRecording } from '../model/fused-record';
import { createPolicy, type Policy } from '../model/policy';
import { createTokenizer } from '../model/tokenizer';
import { initBackend } from '../tensor/backend';
import { parseGrpoConfig, type GrpoConfig } from './config';
import { trainGrpo, type GrpoMetrics, type GrpoTask } from './grpo';

/*
 * A toy task: prompt "say a|b|c"; the reward is the fraction of completion words equal to the asked word plus .5
 * for an even number of characters (an untrained policy emits mostly bytes, and the parity term makes the rewards
 * of a group differ, so every step has a real gradient). Small enough that a few steps take seconds.
 */
const WORDS = ['say', 'a', 'b', 'c'];
const tok = createTokenizer(WORDS);
const modelConfig = { vocabSize: tok.vocabSize, dModel: 16, nLayers: 1, nHeads: 2, contextLength: 12, mlpRatio: 2 };

const fractionOf = (completion: string, word: string): number => {
  const ws = completion.split(' ').filter((w) => w !== '');
  const parity = completion.length % 2 === 0 ? 0.5 : 0;
  return parity + (ws.length === 0 ? 0 : ws.filter((w) => w === word).length / ws.length);
};

function toyTask(form: 'sync' | 'async' | 'batch' = 'sync'): GrpoTask<{ word: string }> {
  const syncReward = (_p: string, c: string, m: { word: string }): number => fractionOf(c, m.word);
  return {
    samplePrompts: (rng, n) =>
      Array.from({ length: n }, () => {
        const word = WORDS[rng.int(1, 3)]!;
        return { text: `say ${word}`, ids: [tok.bos, ...tok.encode(`say ${word}`)], meta: { word } };
      }),
    reward:
      form === 'sync'
        ? syncReward
        : form === 'async'
          ? async (p, c, m) => syncReward(p, c, m)
          : { batch: async (items) => items.map((it) => syncReward(it.prompt, it.completion, it.meta)) },
    truePass: (_p, c, m) => fractionOf(c, m.word) === 1.5,
    stopTokens: [tok.eos],
  };
}

const config: GrpoConfig = parseGrpoConfig({
  seed: 3,
  steps: 4,
  promptsPerStep: 3,
  groupSize: 4,
  maxNewTokens: 5,
  lr: { peak: 3e-3, warmupSteps: 1 },
  checkpointEvery: 2,
  evalEvery: 0,
  innerIterations: 2,
  microBatches: 2,
  beta: 0.02,
});

const TIMING: (keyof GrpoMetrics)[] = [
  'tokensPerSecond', 'stepSeconds', 'sampleSeconds', 'rewardSeconds', 'updateSeconds', 'stepCpuSeconds', 'rolloutCpuSeconds', 'updateCpuSeconds',
];
const withoutTimings = (rows: GrpoMetrics[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !TIMING.includes(k as keyof GrpoMetrics))));
const readRows = async (dir: string): Promise<GrpoMetrics[]> =>
  (await readFile(join(dir, 'metrics.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as GrpoMetrics);
const weightsOf = (p: Policy): number[][] => p.variables.map((v) => Array.from(v.dataSync()));

let root: string;
beforeAll(async () => {
  await initBackend('wasm');
  root = await mkdtemp(join(tmpdir(), 'ifkit-grpo-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('trainGrpo', () => {
  it('a run stopped after a checkpoint and resumed writes the same metrics and weights as an unbroken run', async () => {
    const unbroken = createPolicy(modelConfig, tok, 5);
    await trainGrpo({ policy: unbroken, config, task: toyTask(), outDir: join(root, 'a') });

    const first = createPolicy(modelConfig, tok, 5);
    const part = await trainGrpo({ policy: first, config, task: toyTask(), outDir: join(root, 'b'), stopAfter: 3 });
    expect(part.map((r) => r.step)).toEqual([1, 2, 3]);
    first.dispose();
    // a fresh process would start from fresh weights: the checkpoint (step 2) must restore everything
    const second = createPolicy(modelConfig, tok, 99);
    const rest = await trainGrpo({ policy: second, config, task: toyTask(), outDir: join(root, 'b') });
    expect(rest.map((r) => r.step)).toEqual([3, 4]);

    const a = await readRows(join(root, 'a'));
    const b = await readRows(join(root, 'b'));
    expect(b.map((r) => r.step)).toEqual([1, 2, 3, 4]);
    expect(withoutTimings(b)).toEqual(withoutTimings(a));
    // β > 0, μ = 2: the KL and the clip path are exercised
    expect(a.some((r) => r.kl > 0)).toBe(true);
    expect(a.some((r) => r.rewardStd > 0)).toBe(true);
    expect(weightsOf(second)).toEqual(weightsOf(unbroken));
    const written = JSON.parse(await readFile(join(root, 'a', 'config.json'), 'utf8')) as GrpoConfig;
    expect(written).toEqual(config);
    unbroken.dispose();
    second.dispose();
  });

  it('a run killed anywhere (before its first checkpoint, mid-line, mid-checkpoint) resumes to the unbroken run', async () => {
    // the evaluation reads the weights, so an eval row differs if the resumed weights do
    const evaluate = async (p: Policy) => ({ weightSum: weightsOf(p).flat().reduce((a, b) => a + b, 0) });
    const c = { ...config, evalEvery: 1 };
    const readEval = async (dir: string) => (await readFile(join(dir, 'eval.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { step: number });
    const unbroken = createPolicy(modelConfig, tok, 5);
    await trainGrpo({ policy: unbroken, config: c, task: toyTask(), outDir: join(root, 'c'), evaluate });

    const out = join(root, 'd');
    const run = async (stopAfter?: number) => {
      const p = createPolicy(modelConfig, tok, 5);
      await trainGrpo({ policy: p, config: c, task: toyTask(), outDir: out, evaluate, ...(stopAfter ? { stopAfter } : {}) });
      return p;
    };
    (await run(1)).dispose(); // killed before the first checkpoint (step 2): starts over, evaluating step 0 once
    (await run(3)).dispose(); // checkpoint at 2, rows and evaluation of step 3 written
    await appendFile(join(out, 'metrics.jsonl'), '{"step":4,"rewardMe'); // killed while appending a row
    await mkdir(join(out, 'checkpoints', 'step-000004', 'policy'), { recursive: true }); // a partial checkpoint of an older writer
    const resumed = await run();

    expect((await readEval(out)).map((r) => r.step)).toEqual([0, 1, 2, 3, 4]);
    expect(await readEval(out)).toEqual(await readEval(join(root, 'c')));
    expect(withoutTimings(await readRows(out))).toEqual(withoutTimings(await readRows(join(root, 'c'))));
    expect(weightsOf(resumed)).toEqual(weightsOf(unbroken));
    expect((await readdir(join(out, 'checkpoints'))).sort()).toEqual(['step-000002', 'step-000004']);
    unbroken.dispose();
    resumed.dispose();
  });

  it('sync, async and batch reward functions give the same run', async () => {
    const runs = [];
    for (const form of ['sync', 'async', 'batch'] as const) {
      const p = createPolicy(modelConfig, tok, 8);
      runs.push(withoutTimings(await trainGrpo({ policy: p, config: { ...config, steps: 2 }, task: toyTask(form) })));
      p.dispose();
    }
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });

  it('one micro-batch, μ = 1: the update on the recorded sampling gives the same run, bit for bit, as with a forward pass', async () => {
    const single = { ...config, steps: 3, microBatches: 1, innerIterations: 1 };
    const run = async (recording: boolean) => {
      setRecording(recording);
      const p = createPolicy(modelConfig, tok, 11);
      const counts: number[] = [];
      try {
        const rows = await trainGrpo({ policy: p, config: single, task: toyTask(), onStep: () => counts.push(tf.memory().numTensors) });
        return { rows: withoutTimings(rows), weights: weightsOf(p), counts };
      } finally {
        setRecording(true);
        p.dispose();
      }
    };
    const recorded = await run(true);
    const forward = await run(false);
    expect(recorded.rows).toEqual(forward.rows);
    expect(recorded.weights).toEqual(forward.weights);
    expect(recorded.counts).toEqual(recorded.counts.map(() => recorded.counts[0])); // no recording left behind
    expect(recorded.rows.some((r) => (r.gradNorm as number) > 0)).toBe(true);
  });

  it('keeps tf.memory().numTensors flat across steps', async () => {
    const p = createPolicy(modelConfig, tok, 9);
    const counts: number[] = [];
    await trainGrpo({ policy: p, config: { ...config, steps: 5 }, task: toyTask(), onStep: () => counts.push(tf.memory().numTensors) });
    expect(counts.slice(1)).toEqual(counts.slice(1).map(() => counts[1]));
    p.dispose();
  });
});
