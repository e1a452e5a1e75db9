import { mkdtempSync, readFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryReplyCache, openReplyCache } from './cache';
import { createJudgeClient, type JudgeClientConfig } from './client';
import { type FakeAction, type FakeChatServer, startFakeChatServer } from './fake-chat-server';
import { createLlmJudge } from './llm-judge';
import { JudgeRequestError } from './retry';
import { judgeAll } from './run';
import type { JudgeRequest } from './types';

// Small backoffs keep this file to a few seconds; the timeout stays well above a loaded machine's loopback latency
// (a spurious timeout would add a request and break the exact counts below).
const FAST: Omit<JudgeClientConfig, 'baseURL'> = {
  model: 'judge-test',
  concurrency: 2,
  timeoutMs: 1500,
  retry: { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 20, jitter: 0.5 },
};

let server: FakeChatServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const start = async (script: (content: string, i: number) => FakeAction): Promise<FakeChatServer> =>
  (server = await startFakeChatServer((req, i) => script(req.content, i)));

const request = (response: string, ...instructions: string[]): JudgeRequest => ({
  prompt: 'Write a poem.',
  response,
  constraints: instructions.map((instruction, i) => ({ id: `c${i}`, instruction })),
});

describe('LLM judge against a scripted OpenAI-compatible server on loopback', () => {
  it('asks once per constraint and parses yes/no; a malformed reply is invalid and counted', async () => {
    const s = await start((content) => ({ reply: content.includes('no commas') ? 'No, there is a comma.' : content.includes('title') ? 'Hmm, hard to say.' : 'Yes' }));
    const judge = createLlmJudge({ client: createJudgeClient({ ...FAST, baseURL: s.baseURL }), cache: memoryReplyCache(), mode: 'per-constraint' });
    const verdicts = await judge.judge(request('a, b', 'Use no commas.', 'End with Bye.', 'Add a title.'));
    expect(verdicts).toEqual([false, true, 'invalid']);
    expect(s.requests).toHaveLength(3);
  });

  it('asks once per prompt in batched mode and once in single-score mode', async () => {
    const s = await start((content) => ({ reply: content.includes('[[1]]') ? 'One fails. [[0]]' : 'Reasoning.\n["YES", "NO"]' }));
    const client = createJudgeClient({ ...FAST, baseURL: s.baseURL });
    const batched = createLlmJudge({ client, cache: memoryReplyCache(), mode: 'batched' });
    expect(await batched.judge(request('x', 'A', 'B'))).toEqual([true, false]);
    const single = createLlmJudge({ client, cache: memoryReplyCache(), mode: 'single-score' });
    expect(await single.judge(request('x', 'A', 'B'))).toEqual([false, false]);
    expect(s.requests).toHaveLength(2);
  });

  it('retries 500s, 429s (obeying Retry-After), dropped connections and timeouts, and counts every attempt', async () => {
    const plan: FakeAction[] = [{ status: 500 }, { status: 429, retryAfter: '0' }, { drop: true }, { reply: 'Yes', delayMs: 5000 }, { reply: 'Yes' }];
    const s = await start((_, i) => plan[i] ?? { reply: 'No' });
    const reasons: string[] = [];
    const client = createJudgeClient({ ...FAST, baseURL: s.baseURL, retry: { ...FAST.retry, maxRetries: 5 } }, { onRetry: (e) => reasons.push(e.failure.reason) });
    const judge = createLlmJudge({ client, cache: memoryReplyCache(), mode: 'per-constraint' });
    expect(await judge.judge(request('x', 'A'))).toEqual([true]);
    expect(reasons).toEqual(['http-500', 'http-429', 'connection', 'timeout']);
    expect(s.requests).toHaveLength(5);
    expect(client.stats).toEqual({ requests: 5, retries: 4, failures: 0 });
  });

  it('gives up after maxRetries + 1 attempts, and does not retry a 400', async () => {
    const s = await start((content) => (content.includes('bad') ? { status: 400 } : { status: 503 }));
    const client = createJudgeClient({ ...FAST, baseURL: s.baseURL });
    const judge = createLlmJudge({ client, cache: memoryReplyCache(), mode: 'per-constraint' });
    const err = await judge.judge(request('x', 'A')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JudgeRequestError);
    expect((err as JudgeRequestError).attempts).toBe(4);
    expect(s.requests).toHaveLength(4);
    await expect(judge.judge(request('x', 'bad'))).rejects.toThrow(/http-400.*not retried/);
    expect(s.requests).toHaveLength(5);
  });

  it("records a request that failed for good as invalid with onFailure: 'invalid', and does not cache it", async () => {
    const s = await start(() => ({ status: 500 }));
    const cache = memoryReplyCache();
    const judge = createLlmJudge({ client: createJudgeClient({ ...FAST, baseURL: s.baseURL }), cache, mode: 'batched', onFailure: 'invalid' });
    expect(await judge.judge(request('x', 'A', 'B'))).toEqual(['invalid', 'invalid']);
    expect(judge.stats.failed).toBe(1);
    expect(cache.size).toBe(0);
  });

  it('a run aborted midway and restarted asks only what was not cached', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ifkit-judge-'));
    const file = join(dir, 'cache.jsonl');
    const requests = Array.from({ length: 10 }, (_, i) => request(`response ${i}`, 'A'));
    const answered = 4;
    const controller = new AbortController();
    const s1 = await start((_, i) => {
      if (i === answered) setTimeout(() => controller.abort(), 20);
      return i < answered ? { reply: 'Yes' } : { hang: true };
    });
    const first = createLlmJudge({ client: createJudgeClient({ ...FAST, baseURL: s1.baseURL }), cache: openReplyCache(file), mode: 'per-constraint' });
    await expect(judgeAll(first, requests, { signal: controller.signal })).rejects.toThrow();
    await s1.close();

    // A kill during a write leaves a torn last line: tolerated, reported, and its request is asked again.
    appendFileSync(file, '{"key":"abc","mod');
    const cache = openReplyCache(file);
    expect(cache.report).toMatchObject({ entries: answered, tornLastLine: true });

    const s2 = await start(() => ({ reply: 'No' }));
    const second = createLlmJudge({ client: createJudgeClient({ ...FAST, baseURL: s2.baseURL }), cache, mode: 'per-constraint' });
    const verdicts = await judgeAll(second, requests);
    expect(s2.requests).toHaveLength(10 - answered);
    expect(second.stats).toMatchObject({ cacheHits: answered, asked: 10 - answered });
    expect(verdicts.flat().filter((v) => v === true)).toHaveLength(answered);

    // The file is whole again, and a third run asks nothing.
    const reopened = openReplyCache(file);
    expect(reopened.report).toMatchObject({ entries: 10, tornLastLine: false });
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(10);
    const third = createLlmJudge({ client: createJudgeClient({ ...FAST, baseURL: s2.baseURL }), cache: reopened, mode: 'per-constraint' });
    await judgeAll(third, requests);
    expect(s2.requests).toHaveLength(10 - answered);
  });

  it('asks identical questions in flight only once', async () => {
    const s = await start(() => ({ reply: 'Yes', delayMs: 30 }));
    const judge = createLlmJudge({ client: createJudgeClient({ ...FAST, baseURL: s.baseURL }), cache: memoryReplyCache(), mode: 'per-constraint' });
    await judgeAll(judge, [request('same', 'A'), request('same', 'A')]);
    expect(s.requests).toHaveLength(1);
    expect(judge.stats).toMatchObject({ asked: 1, joined: 1, cacheHits: 0 });
  });
});
