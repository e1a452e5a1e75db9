import { describe, expect, it } from 'vitest';
import { memoryReplyCache } from './cache';
import { createJudgeClient, type JudgeClientConfig } from './client';
import { type FakeAction, startFakeChatServer } from './fake-chat-server';
import { createLlmJudge } from './llm-judge';
import { JudgeRequestError } from './retry';
import { judgeAll } from './run';
import type { JudgeRequest } from './types';

// Judge faults a real server produces, over loopback: garbage with status 200, a run that must stop, many requests
// sharing one abort signal.
const FAST: Omit<JudgeClientConfig, 'baseURL'> = { model: 'judge-test', concurrency: 4, timeoutMs: 5000, retry: { maxRetries: 5, baseDelayMs: 5, maxDelayMs: 20, jitter: 0.5 } };
const request = (response: string): JudgeRequest => ({ prompt: 'Write a poem.', response, constraints: [{ id: 'c0', instruction: 'Use no commas.' }] });

describe('a garbage reply with status 200', () => {
  it('is retried like a 5xx (an HTML page, truncated JSON, an error object, an empty body), then the good reply counts', async () => {
    const plan: FakeAction[] = [
      { raw: '<html><body>502 Bad Gateway</body></html>', contentType: 'text/html' },
      { raw: '{"id": "x", "choices": [{"message": {"content": "Ye' },
      { raw: '{"object": "error", "message": "model overloaded"}' },
      { raw: '' },
      { reply: 'Yes' },
    ];
    const server = await startFakeChatServer((_, i) => plan[i] ?? { reply: 'No' });
    try {
      const reasons: string[] = [];
      const client = createJudgeClient({ ...FAST, baseURL: server.baseURL }, { onRetry: (e) => reasons.push(e.failure.reason) });
      const judge = createLlmJudge({ client, cache: memoryReplyCache(), mode: 'per-constraint' });
      expect(await judge.judge(request('no commas here'))).toEqual([true]);
      expect(reasons).toEqual(['bad-reply', 'bad-reply', 'bad-reply', 'bad-reply']);
      expect(client.stats).toEqual({ requests: 5, retries: 4, failures: 0 });
    } finally {
      await server.close();
    }
  });
});

describe('a run that must stop (--on-failure throw)', () => {
  it('stops at the first request that fails for good: aborts the others, sends no more, keeps the replies it got', async () => {
    // Five replies arrive, the sixth request is refused (400: not retried), the rest would take 30 s each.
    const server = await startFakeChatServer((req) => {
      const n = Number(/response (\d+)/.exec(req.content)?.[1]);
      return n < 5 ? { reply: 'Yes' } : n === 5 ? { status: 400 } : { reply: 'Yes', delayMs: 30_000 };
    });
    try {
      const cache = memoryReplyCache();
      const client = createJudgeClient({ ...FAST, concurrency: 1, baseURL: server.baseURL });
      const judge = createLlmJudge({ client, cache, mode: 'per-constraint' });
      const requests = Array.from({ length: 160 }, (_, i) => request(`response ${i}`));
      const started = performance.now();
      const err = await judgeAll(judge, requests).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(JudgeRequestError);
      expect((err as Error).message).toMatch(/http-400.*not retried/);
      // Concurrency 1 and FIFO order: responses 0-5 were sent, nothing after the failure.
      expect(server.requests).toHaveLength(6);
      expect(cache.size).toBe(5);
      // Without the stop, 154 more requests would have followed; generous bound for a loaded machine.
      expect(performance.now() - started).toBeLessThan(10_000);
    } finally {
      await server.close();
    }
  });

  it('aborts requests already in flight', async () => {
    const server = await startFakeChatServer((req) => (req.content.includes('response 0') ? { status: 401 } : { hang: true }));
    try {
      const client = createJudgeClient({ ...FAST, concurrency: 8, baseURL: server.baseURL });
      const judge = createLlmJudge({ client, cache: memoryReplyCache(), mode: 'per-constraint' });
      const requests = Array.from({ length: 40 }, (_, i) => request(`response ${i}`));
      const started = performance.now();
      await expect(judgeAll(judge, requests)).rejects.toThrow(/http-401/);
      expect(performance.now() - started).toBeLessThan(4000);
      expect(server.requests.length).toBeLessThanOrEqual(8);
      // The aborted ones are not counted as failures: only the refused request failed.
      await new Promise((r) => setTimeout(r, 50));
      expect(client.stats.failures).toBe(1);
    } finally {
      await server.close();
    }
  });
});

describe('many requests sharing one abort signal', () => {
  it('add no listener per request to it (no MaxListenersExceededWarning)', async () => {
    const server = await startFakeChatServer(() => ({ reply: 'Yes' }));
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', onWarning);
    try {
      const judge = createLlmJudge({ client: createJudgeClient({ ...FAST, baseURL: server.baseURL }), cache: memoryReplyCache(), mode: 'per-constraint' });
      const controller = new AbortController();
      await judgeAll(judge, Array.from({ length: 60 }, (_, i) => request(`response ${i}`)), { signal: controller.signal });
      await new Promise((r) => setImmediate(r));
      expect(warnings.filter((w) => w.startsWith('MaxListenersExceededWarning'))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
      await server.close();
    }
  });
});
