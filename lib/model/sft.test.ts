import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, pick } from '../stats/rng';
import { initBackend } from '../tensor/backend';
import { createPolicy } from './policy';
import { clipByGlobalNorm, trainSft, type SftExample } from './sft';
import { createTokenizer } from './tokenizer';

beforeAll(async () => {
  await initBackend('wasm');
});

const letters = ['a', 'b', 'c', 'd', 'e', 'f'];
const tok = createTokenizer([...letters, 'rev']);

/** "a c f rev" → "f c a <eos>": the response is the prompt's three letters reversed. */
function reversalExamples(n: number, seed: number): SftExample[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const word = Array.from({ length: 3 }, () => pick(letters, rng));
    return {
      prompt: [tok.bos, ...tok.encode(`${word.join(' ')} rev`)],
      response: [...tok.encode(word.slice().reverse().join(' ')), tok.eos],
    };
  });
}

describe('supervised warm start', () => {
  it('learns to reverse three letters (loss falls from log V ≈ 5.6 to below 0.1)', async () => {
    const policy = createPolicy({ vocabSize: tok.vocabSize, dModel: 48, nLayers: 2, nHeads: 4, contextLength: 12, mlpRatio: 2 }, tok, 0);
    const steps: number[] = [];
    const { losses } = await trainSft(policy, reversalExamples(512, 1), {
      steps: 100,
      batchSize: 32,
      learningRate: 3e-3, // 1e-2 stalls on a plateau near 1.3 nats for 150+ steps
      seed: 0,
      onStep: (s) => steps.push(s.step),
    });
    expect(steps).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(losses[0]).toBeGreaterThan(Math.log(tok.vocabSize) - 0.3); // untrained: near uniform over 266 tokens
    const tail = losses.slice(-10).reduce((s, x) => s + x, 0) / 10;
    expect(tail).toBeLessThan(0.1);
    // greedy decoding of held-out prompts now reverses them
    const held = reversalExamples(16, 99);
    const out = await policy.generate(held.map((e) => e.prompt), { maxNewTokens: 5, temperature: 0, stopTokens: [tok.eos], rng: createRng(0) });
    const correct = out.filter((o, i) => o.join() === held[i]!.response.join()).length;
    expect(correct).toBeGreaterThanOrEqual(15);
    policy.dispose();
  }, 60_000);

  it('is seeded: the same seed gives the same loss curve', async () => {
    const cfg = { vocabSize: tok.vocabSize, dModel: 16, nLayers: 1, nHeads: 2, contextLength: 12, mlpRatio: 2 };
    const run = async () => {
      const p = createPolicy(cfg, tok, 3);
      const { losses } = await trainSft(p, reversalExamples(64, 2), { steps: 5, batchSize: 8, learningRate: 1e-2, seed: 4 });
      p.dispose();
      return losses;
    };
    expect(await run()).toEqual(await run());
  });

  it('clips gradients to a global norm', () => {
    const clipped = clipByGlobalNorm({ a: tf.tensor([3, 0]), b: tf.tensor([4]) }, 1); // norm 5 → scale 0.2
    expect(clipped.a!.arraySync()).toEqual([expect.closeTo(0.6, 5), 0]);
    expect(clipped.b!.arraySync()).toEqual([expect.closeTo(0.8, 5)]);
    const kept = clipByGlobalNorm({ a: tf.tensor([0.3, 0.4]) }, 1);
    expect(kept.a!.arraySync()).toEqual([expect.closeTo(0.3, 5), expect.closeTo(0.4, 5)]);
  });
});
