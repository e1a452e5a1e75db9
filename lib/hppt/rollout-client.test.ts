import { afterEach, describe, expect, it } from 'vitest';
import { memoryReplyCache } from '../judge/cache';
import { startFakeChatServer, type FakeAction, type FakeChatServer } from '../judge/fake-chat-server';
import { createRolloutClient } from './rollout-client';

let server: FakeChatServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const start = async (script: (i: number) => FakeAction) => (server = await startFakeChatServer((_req, i) => script(i)));
const config = (baseURL: string) => ({ baseURL, model: 'm', temperature: 0.7, maxTokens: 16, retry: { baseDelayMs: 1, maxRetries: 3 } });
const req = { messages: [{ role: 'user' as const, content: 'Hi' }], n: 2, seed: 42 };

describe('createRolloutClient', () => {
  it('sends n, seed, temperature and max_tokens; retries a 503; caches the reply so the same request is never sent twice', async () => {
    const s = await start((i) => (i === 0 ? { status: 503 } : { replies: ['a', 'b'] }));
    const cache = memoryReplyCache();
    const client = createRolloutClient(config(s.baseURL), cache);
    expect(await client.sample(req)).toEqual(['a', 'b']);
    expect(s.requests.map((r) => r.body)).toEqual([1, 2].map(() => expect.objectContaining({ model: 'm', n: 2, seed: 42, temperature: 0.7, max_tokens: 16 })));
    expect(await createRolloutClient(config(s.baseURL), cache).sample(req)).toEqual(['a', 'b']);
    expect(s.requests).toHaveLength(2);
    expect(client.stats).toEqual({ cached: 0, asked: 1, attempts: 2, retries: 1 });
    // another seed is another request
    await client.sample({ ...req, seed: 43 });
    expect(s.requests).toHaveLength(3);
  });

  it('says what to do when a server ignores n, and does not retry it', async () => {
    const s = await start(() => ({ reply: 'only one' }));
    const client = createRolloutClient(config(s.baseURL), memoryReplyCache());
    await expect(client.sample(req)).rejects.toThrow(/returned 1 choice\(s\) for n=2; it ignores n: rerun with --samples-per-request 1/);
    expect(s.requests).toHaveLength(1);
  });

  it('names the server and the flags to check on a 400', async () => {
    const s = await start(() => ({ status: 400 }));
    await expect(createRolloutClient(config(s.baseURL), memoryReplyCache()).sample(req)).rejects.toThrow(
      new RegExp(`rollout request to ${s.baseURL.replace(/[.]/g, '\\.')} failed after 1 attempt\\(s\\) \\(http-400.*check --server, --model, --max-tokens`),
    );
  });
});
