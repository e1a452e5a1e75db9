import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../stats/rng';
import { initBackend } from '../tensor/backend';
import { batchFromSequences, createPolicy, type Policy } from './policy';
import { trainSft } from './sft';
import { createTokenizer } from './tokenizer';

// snake-dqn's agent_test.js pattern: one warm-up call, record tf.memory().numTensors, call again, expect the same.
const tok = createTokenizer(['a', 'b', 'c']);
let policy: Policy;

beforeAll(async () => {
  await initBackend('wasm');
  policy = createPolicy({ vocabSize: tok.vocabSize, dModel: 16, nLayers: 2, nHeads: 2, contextLength: 16, mlpRatio: 2 }, tok, 0);
});

async function flat(name: string, call: () => unknown | Promise<unknown>, times = 5): Promise<void> {
  await call();
  const before = tf.memory().numTensors;
  for (let i = 0; i < times; i++) await call();
  expect(tf.memory().numTensors, name).toBe(before);
}

describe('no tensor leaks', () => {
  it('tokenLogProbs inside tidy, with entropy', async () => {
    await flat('tokenLogProbs', () =>
      tf.tidy(() => {
        const out = policy.tokenLogProbs(batchFromSequences([[1, 259, 260], [1, 261]], 0), { withEntropy: true });
        return out.logProbs.sum().dataSync();
      }),
    );
  });

  it('generate, with stops and cuts', async () => {
    const rng = createRng(0);
    await flat('generate', () => policy.generate([[1, 259], [1, 260, 261, 259], [1, 259]], { maxNewTokens: 6, topK: 3, topP: 0.9, stopTokens: [tok.eos], rng }));
  });

  it('attention', async () => {
    await flat('attention', () => policy.attention([1, 259, 260, 261]));
  });

  it('a training step (variableGrads + Adam) and an SFT run', async () => {
    const optimizer = tf.train.adam(1e-3);
    const vars = policy.variables as tf.Variable[];
    await flat('train step', () =>
      tf.tidy(() => {
        const batch = batchFromSequences([[1, 259, 260, 2], [1, 261, 2]], 0);
        const { value, grads } = tf.variableGrads(() => policy.tokenLogProbs(batch).logProbs.mul(batch.mask.slice([0, 1], [2, 3])).sum().neg() as tf.Scalar, vars);
        optimizer.applyGradients(grads as Record<string, tf.Variable>); // tfjs declares variables, reads tensors
        return value.dataSync();
      }),
    );
    optimizer.dispose();
    const examples = [{ prompt: [1, 259], response: [260, 2] }, { prompt: [1, 261, 259], response: [2] }];
    await flat('trainSft', () => trainSft(policy, examples, { steps: 2, batchSize: 2, learningRate: 1e-3, seed: 0 }), 2);
  });

  it('clone + dispose', async () => {
    await flat('clone', () => policy.clone().dispose());
  });
});
