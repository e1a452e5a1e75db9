import * as tf from '@tensorflow/tfjs';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPolicy, type Policy } from '../model/policy';
import { createTokenizer } from '../model/tokenizer';
import { createRng } from '../stats/rng';
import { initBackend } from '../tensor/backend';
import { startPolicyServer, type PolicyServer } from './policy-server';

// A randomly initialised policy (fixed seed) behind the OpenAI-compatible API, asked through the openai package.

const tok = createTokenizer(['write', 'about', 'ocean', 'coral', 'tide', 'in', 'words']);
let policy: Policy;
let server: PolicyServer;
let client: OpenAI;
beforeAll(async () => {
  await initBackend('wasm');
  policy = createPolicy({ vocabSize: tok.vocabSize, dModel: 16, nLayers: 1, nHeads: 2, contextLength: 24, mlpRatio: 2 }, tok, 3);
  server = await startPolicyServer({ policy, modelName: 'tiny' });
  client = new OpenAI({ baseURL: server.baseURL, apiKey: 'none', maxRetries: 0 });
});
afterAll(async () => {
  await server.close();
  policy.dispose();
});

const direct = async (prompt: string, n: number, seed: number, maxNewTokens: number, temperature = 1): Promise<string[]> => {
  const ids = [tok.bos, ...tok.encode(prompt)];
  const out = await policy.generate(Array.from({ length: n }, () => ids), { maxNewTokens, temperature, stopTokens: [tok.eos], rng: createRng(seed) });
  return out.map((c) => tok.decode(c));
};

describe('the lab policy server (OpenAI-compatible)', () => {
  it('chat completions: n seeded samples, equal to sampling the policy directly with createRng(seed)', async () => {
    const reply = await client.chat.completions.create({ model: 'tiny', messages: [{ role: 'user', content: 'write about ocean' }], n: 3, seed: 7, max_tokens: 6, temperature: 1 });
    expect(reply.object).toBe('chat.completion');
    expect(reply.choices.map((c) => c.index)).toEqual([0, 1, 2]);
    expect(reply.choices.map((c) => c.message.content)).toEqual(await direct('write about ocean', 3, 7, 6));
    const again = await client.chat.completions.create({ model: 'tiny', messages: [{ role: 'user', content: 'write about ocean' }], n: 3, seed: 7, max_tokens: 6 });
    expect(again.choices.map((c) => c.message.content)).toEqual(reply.choices.map((c) => c.message.content));
    expect(reply.usage).toEqual({ prompt_tokens: 4, completion_tokens: expect.any(Number), total_tokens: expect.any(Number) });
    expect(reply.choices.every((c) => c.finish_reason === 'stop' || c.finish_reason === 'length')).toBe(true);
  });

  it('text completions: several prompts, n each, prompt-major; greedy at temperature 0', async () => {
    const reply = await client.completions.create({ model: 'tiny', prompt: ['write about ocean', 'coral tide'], n: 2, seed: 11, max_tokens: 5, temperature: 0 });
    const greedy = [...(await direct('write about ocean', 2, 0, 5, 0)), ...(await direct('coral tide', 2, 0, 5, 0))];
    expect(reply.choices.map((c) => c.text)).toEqual(greedy);
  });

  it('lists the model, and answers bad requests with OpenAI-style 400s naming the field', async () => {
    expect((await client.models.list()).data.map((m) => m.id)).toEqual(['tiny']);
    // 'hi' is not a vocabulary word: two byte tokens, plus bos = 3 tokens, leaving 21 of 24
    await expect(client.chat.completions.create({ model: 'tiny', messages: [{ role: 'user', content: 'hi' }], max_tokens: 500 })).rejects.toMatchObject({
      status: 400,
      error: { param: 'max_tokens', message: expect.stringMatching(/exceed this policy's context of 24; ask for at most 21/) },
    });
    const raw = await fetch(`${server.baseURL}/chat/completions`, { method: 'POST', body: JSON.stringify({ messages: [], n: 0 }) });
    expect(raw.status).toBe(400);
    expect(((await raw.json()) as { error: { type: string; param: string } }).error).toMatchObject({ type: 'invalid_request_error', param: 'n' });
    expect((await fetch(`${server.baseURL}/embeddings`, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('leaves no tensors behind', async () => {
    const ask = () => client.chat.completions.create({ model: 'tiny', messages: [{ role: 'user', content: 'ocean' }], n: 2, seed: 1, max_tokens: 4 });
    await ask();
    const before = tf.memory().numTensors;
    await ask();
    await ask();
    expect(tf.memory().numTensors).toBe(before);
  });
});
