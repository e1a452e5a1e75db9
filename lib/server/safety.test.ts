import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNoisyJudge, createOracleJudge } from '../judge/simulated';
import type { Judge } from '../judge/types';
import { mapConcurrent, post } from './fixtures/http-client';
import { startRewardServer, type RewardServer } from './server';

const PLUGIN = join(__dirname, 'fixtures', 'test-constraints.ts');
const LIMIT = 64 * 1024;
let server: RewardServer;
const logs: string[] = [];

beforeAll(async () => {
  server = await startRewardServer({ workers: 2, checkTimeoutMs: 1000, maxBodyBytes: LIMIT, plugins: [PLUGIN], onLog: (l) => logs.push(l) });
});
afterAll(() => server.close());

type ErrorReply = { error: { status: number; field: string | null; message: string } };
const errorOf = (json: unknown): ErrorReply['error'] => (json as ErrorReply).error;
const noComma = { response: 'hello world', instruction_id_list: ['punctuation:no_comma'] };

async function expectUp(): Promise<void> {
  const res = await fetch(`${server.url}/health`);
  expect(res.status).toBe(200);
  expect(((await res.json()) as { status: string }).status).toBe('ok');
}

describe('bad requests get 4xx naming the field, and the server stays up', () => {
  it.each<[string, string, unknown, string]>([
    ['malformed JSON', '/verify', '{"response": "x", ', '(body)'],
    ['a JSON array body', '/verify', [1, 2], '(body)'],
    ['response of the wrong type', '/verify', { response: 5, instruction_id_list: [] }, 'response'],
    ['an id list of the wrong type', '/verify', { response: 'x', instruction_id_list: 'punctuation:no_comma' }, 'instruction_id_list'],
    ['kwargs of the wrong length', '/verify', { ...noComma, kwargs: [null, null] }, 'kwargs'],
    ['weights of the wrong length', '/verify', { ...noComma, reward: 'weighted', weights: [1, 2] }, 'weights'],
    ['an unknown mode', '/verify', { ...noComma, mode: 'medium' }, 'mode'],
    ['a misspelt field', '/verify', { ...noComma, instruction_ids: [] }, 'instruction_ids'],
    ['a bad batch item', '/verify/batch', { items: [noComma, noComma, { ...noComma, reward: 'most' }] }, 'items[2].reward'],
    ['wrong kwargs for an id', '/verify/batch', { items: [{ response: 'x', instruction_id_list: ['punctuation:no_comma', 'keywords:existence'], kwargs: [null, { keywords: 3 }] }] }, 'items[0].kwargs[1].keywords'],
    ['both ids and a label', '/verify', { ...noComma, label: '{"instruction_id": [], "kwargs": []}' }, 'instruction_id_list'],
    ['a bad label in a batch', '/verify/batch', { items: [noComma, { response: 'x', label: "[{'instruction_id': ['punctuation:no_comma']}]" }] }, 'items[1].label'],
    ['weights that do not fit the label', '/verify', { response: 'x', label: '{"instruction_id": ["punctuation:no_comma"], "kwargs": [null]}', reward: 'weighted', weights: [1, 2] }, 'weights'],
    ['absurdly nested JSON', '/get_reward', `{"query": ["ab"], "prompts": ["a"], "labels": [${'['.repeat(20_000)}${']'.repeat(20_000)}]}`, '(body)'],
    ['missing labels', '/get_reward', { query: ['ab'], prompts: ['a'] }, 'labels'],
    ['a label that is not a label', '/get_reward', { query: ['ab'], prompts: ['a'], labels: ['{"instruction_id": 3}'] }, 'labels[0]'],
    ['a query without its prompt', '/get_reward', { query: ['ab'], prompts: ['b'], labels: ['{"instruction_id": [], "kwargs": []}'] }, 'query[0]'],
  ])('%s → 400 at %s', async (_what, path, body, field) => {
    const { status, json } = await post(server.url, path, body);
    expect(status).toBe(400);
    expect(errorOf(json).field).toBe(field);
    await expectUp();
  });

  it('rejects unknown ids by name, with the nearest registered ids', async () => {
    const v = await post(server.url, '/verify', { response: 'x', instruction_id_list: ['punctuation:no_comma', 'punctuation:no_comas'] });
    expect(v.status).toBe(400);
    expect(errorOf(v.json).field).toBe('instruction_id_list[1]');
    expect(errorOf(v.json).message).toMatch(/unknown instruction id "punctuation:no_comas".*punctuation:no_comma/);
    const g = await post(server.url, '/get_reward', { query: ['pr'], prompts: ['p'], labels: ["[{'instruction_id': ['detectable_format:titel'], 'kwargs': [None]}]"] });
    expect(g.status).toBe(400);
    expect(errorOf(g.json)).toMatchObject({ field: 'labels[0]', message: expect.stringContaining('detectable_format:titel') });
  });

  it('answers 413 to a body over the limit, declared or streamed, and keeps serving', async () => {
    const huge = JSON.stringify({ response: 'x'.repeat(LIMIT), instruction_id_list: [] });
    expect((await post(server.url, '/verify', huge)).status).toBe(413);
    // A chunked body has no Content-Length, so the limit is enforced while reading.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(`${server.url}/verify`, { method: 'POST', headers: { 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      for (let i = 0; i < 40; i++) req.write('y'.repeat(4096));
      req.end();
    });
    expect(status).toBe(413);
    await expectUp();
  });

  it('answers 404, 405 and raw garbage, and keeps serving', async () => {
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
    expect((await fetch(`${server.url}/verify`)).status).toBe(405);
    const reply = await new Promise<string>((resolve) => {
      const socket: Socket = connect(server.port, '127.0.0.1', () => socket.write('\x00\x01 not http at all\r\n\r\n'));
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString()));
      socket.on('close', () => resolve(text));
    });
    expect(reply).toMatch(/^HTTP\/1.1 400/);
    // A request target that is no URL at all is an unknown route, not an unhandled rejection.
    const odd = await new Promise<string>((resolve) => {
      const socket: Socket = connect(server.port, '127.0.0.1', () => socket.write('GET http://[ HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n'));
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString()));
      socket.on('close', () => resolve(text));
    });
    expect(odd).toMatch(/^HTTP\/1.1 (400|404)/);
    await expectUp();
  });

  it('never answers 5xx to arbitrary JSON on any route', async () => {
    const bodies = fc.sample(fc.oneof(fc.jsonValue(), fc.record({ response: fc.string(), instruction_id_list: fc.array(fc.string()), kwargs: fc.anything() })), { numRuns: 150, seed: 7 });
    const paths = ['/verify', '/verify/batch', '/get_reward'];
    const statuses = await mapConcurrent(bodies, 8, async (b, i) => (await post(server.url, paths[i % 3]!, JSON.stringify(b) ?? 'null')).status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    await expectUp();
  });
});

describe('checks that overrun their budget', () => {
  const catastrophic = { response: `${'a'.repeat(40)}b`, instruction_id_list: ['punctuation:no_comma', 'test:catastrophic_regex'] };

  it('scores a pathological regex 0, replaces the worker and keeps answering meanwhile', async () => {
    const slow = post(server.url, '/verify', catastrophic);
    // Other clients are served while one worker is stuck.
    const others = await mapConcurrent(Array.from({ length: 20 }), 4, () => post(server.url, '/verify', noComma));
    expect(others.map((o) => (o.json as { reward: number }).reward)).toEqual(Array(20).fill(1));
    const { status, json } = await slow;
    expect(status).toBe(200);
    expect(json).toMatchObject({ reward: 0, status: 'timeout' });
    expect((json as { message: string }).message).toMatch(/test:catastrophic_regex \(constraint 1\) exceeded the 1000 ms check budget/);
    expect(logs.some((l) => l.startsWith('timeout:'))).toBe(true);
    await expectUp();
  });

  it('in a batch, scores only the stuck item 0 and the others exactly', async () => {
    const items = [noComma, { response: 'HANG on', instruction_id_list: ['test:endless_on_hang'] }, { response: 'a, b', instruction_id_list: ['punctuation:no_comma'] }, noComma];
    const { status, json } = await post(server.url, '/verify/batch', { items });
    expect(status).toBe(200);
    const results = (json as { results: Array<{ reward: number; status: string }> }).results;
    expect(results.map((r) => [r.reward, r.status])).toEqual([[1, 'ok'], [0, 'timeout'], [0, 'ok'], [1, 'ok']]);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/^ifkit_check_timeouts_total [2-9]$/m);
    expect(metrics).toMatch(/^ifkit_workers 2$/m);
  });
});

describe('a checker that takes its worker down', () => {
  it('scores that response 0 as failed, answers the rest, and replaces the worker', async () => {
    const items = [{ response: 'BOOM', instruction_id_list: ['test:exit_on_boom'] }, noComma];
    const { status, json } = await post(server.url, '/verify/batch', { items });
    expect(status).toBe(200);
    const results = (json as { results: Array<{ reward: number; status: string; message?: string }> }).results;
    expect(results.map((r) => [r.reward, r.status])).toEqual([[0, 'failed'], [1, 'ok']]);
    expect(results[0]!.message).toMatch(/test:exit_on_boom .*crashed the worker \(exit 3\)/);
    expect((await post(server.url, '/verify', noComma)).json).toMatchObject({ reward: 1 });
  });
});

describe('soft constraints', () => {
  const soft = { response: 'Hi there, friend', prompt: 'Greet me', instruction_id_list: ['punctuation:no_comma', 'test:soft_friendly'] };

  it('are a 400 without a judge, never a silent pass', async () => {
    const { status, json } = await post(server.url, '/verify', soft);
    expect(status).toBe(400);
    expect(errorOf(json).message).toMatch(/soft constraint test:soft_friendly needs a judge; start the server with --judge/);
  });

  it('go to the configured judge with the prompt, the answer and the instruction text', async () => {
    const asked: string[] = [];
    const judge: Judge = {
      name: 'test:friend-detector',
      judge: async (req) => {
        asked.push(`${req.prompt}|${req.response}|${req.constraints.map((c) => `${c.id}:${c.instruction}`).join()}`);
        return req.constraints.map(() => req.response.includes('friend'));
      },
    };
    const judged = await startRewardServer({ workers: 1, judge, plugins: [PLUGIN] });
    try {
      const { status, json } = await post(judged.url, '/verify', { ...soft, reward: 'fraction' });
      expect(status).toBe(200);
      expect(json).toMatchObject({
        reward: 0.5,
        instructions: [
          { id: 'punctuation:no_comma', passed: false, by: 'rule' },
          { id: 'test:soft_friendly', verdict: true, passed: true, by: 'judge' },
        ],
      });
      expect(asked).toEqual(['Greet me|Hi there, friend|test:soft_friendly:Answer in a friendly tone.']);
    } finally {
      await judged.close();
    }
  });

  it("of the lab's simulated world reach simulated judges with the oracle's verdict; constraints without an oracle carry none", async () => {
    const seen: unknown[] = [];
    const spy: Judge = { name: 'spy', judge: async (req) => (seen.push(...req.constraints.map((c) => c.ruleVerdict)), req.constraints.map(() => true)) };
    // "sunny" is a positive word, "storm" a negative one (lib/verifiers/lab/lexicon.ts): cheerful needs the first and not the second
    const body = (response: string) => ({ response, instruction_id_list: ['lab:cheerful'], reward: 'all' });
    for (const [judge, response, reward] of [
      [createOracleJudge(), 'a sunny beach', 1],
      [createOracleJudge(), 'a sunny storm', 0],
      [createNoisyJudge({ recallViolation: 0, recallCompliant: 1, seed: 1 }), 'a sunny storm', 1], // misses every violation
    ] as const) {
      const judged = await startRewardServer({ workers: 1, judge });
      try {
        const { status, json } = await post(judged.url, '/verify', body(response));
        expect(status).toBe(200);
        expect(json).toMatchObject({ reward, instructions: [{ id: 'lab:cheerful', by: 'judge' }] });
      } finally {
        await judged.close();
      }
    }
    const judged = await startRewardServer({ workers: 1, judge: spy, plugins: [PLUGIN] });
    try {
      await post(judged.url, '/verify', body('a sunny beach'));
      await post(judged.url, '/verify', { response: 'Hi there, friend', instruction_id_list: ['test:soft_friendly'] });
    } finally {
      await judged.close();
    }
    expect(seen).toEqual([true, undefined]);
  });
});
