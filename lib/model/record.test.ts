import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../stats/rng';
import { initBackend } from '../tensor/backend';
import { createPolicy, type Policy } from './policy';
import { createTokenizer } from './tokenizer';

// A recorded sampling (fused-record.ts) must score exactly like a fresh forward pass, and only when it applies.
const tok = createTokenizer(['a', 'b', 'c', 'd', 'e', 'f']);
let policy: Policy;

beforeAll(async () => {
  await initBackend('wasm');
  policy = createPolicy({ vocabSize: tok.vocabSize, dModel: 32, nLayers: 2, nHeads: 4, contextLength: 24, mlpRatio: 3 }, tok, 4);
  // sharper than at initialisation, so the sampled tokens vary and the log-probs are far from uniform
  tf.tidy(() => policy.variables.forEach((v) => v.rank === 2 && v.assign(v.mul(6))));
});
afterAll(() => policy.dispose());

// two groups of three with prompts of different lengths; half the byte tokens stop a row, so rows end early
const prompts = [[1, 259, 260, 261], [1, 259, 260, 261], [1, 259, 260, 261], [1, 262], [1, 262], [1, 262]];
const stopTokens = Array.from({ length: 128 }, (_, i) => i + 3);
const sample = (seed: number) => ({ maxNewTokens: 7, stopTokens, rng: createRng(seed), keepForScoring: true });

/** Loss Σ a·logp + c·entropy over real completion positions, and every weight's gradient. */
function scored(completions: number[][], K: number) {
  const mask = tf.tensor2d(completions.map((c) => Array.from({ length: K }, (_, j) => (j >= K - c.length ? 1 : 0))));
  const a = tf.randomNormal([prompts.length, K], 0, 1, 'float32', 3);
  const { value, grads } = tf.variableGrads(() => {
    const r = policy.completionLogProbs(prompts, completions, { withEntropy: true, positions: K });
    return r.logProbs.mul(a).add(r.entropy!.mul(0.3)).mul(mask).sum() as tf.Scalar;
  }, policy.variables as tf.Variable[]);
  const logp = tf.tidy(() => policy.completionLogProbs(prompts, completions, { positions: K }).logProbs.mul(mask).arraySync());
  return { loss: value.dataSync()[0]!, grads: policy.variables.map((v) => grads[v.name]!.dataSync().slice()), logp, dispose: () => tf.dispose([value, mask, a, ...Object.values(grads)]) };
}

describe('a recorded sampling', () => {
  it('scores exactly as a forward pass would: the same loss and the same gradient of every weight', async () => {
    const completions = await policy.generate(prompts, sample(5));
    const lengths = completions.map((c) => c.length);
    expect(Math.min(...lengths)).toBeLessThan(Math.max(...lengths)); // stops happened: rows the sampling skipped are zeros
    const K = Math.max(...lengths) + 1;
    const recorded = scored(completions, K); // consumes the recording
    const fresh = scored(completions, K); // none left: a forward pass
    expect(recorded.loss).toBe(fresh.loss);
    recorded.grads.forEach((g, i) => expect(Array.from(g), policy.variables[i]!.name).toEqual(Array.from(fresh.grads[i]!)));
    expect(Math.abs(recorded.loss)).toBeGreaterThan(0.1);
    recorded.dispose();
    fresh.dispose();
  });

  it('is not used for other completions or changed weights, and leaves no tensors behind', async () => {
    const completions = await policy.generate(prompts, sample(6));
    const before = tf.memory().numTensors;
    const other = completions.map((c) => [...c.slice(0, -1), c[c.length - 1] === 259 ? 260 : 259]);
    const K = Math.max(...completions.map((c) => c.length));
    const want = tf.tidy(() => policy.completionLogProbs(prompts, other, { positions: K }).logProbs.arraySync()); // not a match
    await policy.generate(prompts, sample(6)); // the same completions again, recorded again
    const query = policy.variables[4]!; // layers.0.query
    const saved = query.clone();
    query.assign(tf.tidy(() => saved.mul(1.1))); // the recording is now stale
    const got = tf.tidy(() => policy.completionLogProbs(prompts, completions, { positions: K }).logProbs.arraySync());
    query.assign(saved);
    const fresh = tf.tidy(() => policy.completionLogProbs(prompts, other, { positions: K }).logProbs.arraySync());
    expect(fresh).toEqual(want);
    expect(got).not.toEqual(tf.tidy(() => policy.completionLogProbs(prompts, completions, { positions: K }).logProbs.arraySync()));
    saved.dispose();
    await policy.generate(prompts, sample(7)); // a recording left unused is freed by the next generate
    await policy.generate(prompts, { ...sample(7), keepForScoring: false });
    expect(tf.memory().numTensors).toBe(before);
  });
});
