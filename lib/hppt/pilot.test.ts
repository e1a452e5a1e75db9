import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { memoryReplyCache } from '../judge/cache';
import { startFakeChatServer, type FakeChatServer } from '../judge/fake-chat-server';
import { createAlwaysYesJudge } from '../judge/simulated';
import { ifkitItem } from './ifkit-format';
import { openPilotFile } from './pilot-file';
import { requestSizes, rolloutSeed, runPilot } from './pilot';
import { readDataset } from './read-input';
import { createRolloutClient } from './rollout-client';
import { runUntrustedCheck } from './sandbox';

let server: FakeChatServer;
let dir: string;
// Each reply names the request's seed, so a test can tell which request a response came from.
beforeAll(async () => {
  server = await startFakeChatServer((req) => {
    const n = Number(req.body.n ?? 1);
    const seed = Number(req.body.seed);
    const replies = Array.from({ length: n }, (_, i) => (seed % 2 === 0 && i === 0 ? 'the calm tide brings coral to the shore today' : `Sample ${i}, seed ${seed}.`));
    return { replies };
  });
});
afterAll(() => server.close());
beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'ifkit-pilot-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => void server.requests.splice(0));

const client = () => createRolloutClient({ baseURL: server.baseURL, model: 'm', temperature: 1, maxTokens: 32, retry: { maxRetries: 0 } }, memoryReplyCache());

describe('requestSizes and rolloutSeed', () => {
  it('splits n into requests and derives per-request seeds from (seed, key, index) only', () => {
    expect(requestSizes(8, 8)).toEqual([8]);
    expect(requestSizes(5, 2)).toEqual([2, 2, 1]);
    expect(rolloutSeed(0, 'a', 0)).toBe(rolloutSeed(0, 'a', 0));
    expect(new Set([rolloutSeed(0, 'a', 0), rolloutSeed(0, 'a', 1), rolloutSeed(1, 'a', 0), rolloutSeed(0, 'b', 0)]).size).toBe(4);
  });
});

describe('runPilot', () => {
  it('samples n rollouts per prompt with seeds, scores rules and the judge, writes one line per prompt', async () => {
    const { items } = await readDataset(join(__dirname, 'fixtures', 'ifkit.jsonl'));
    const file = join(dir, 'p1.jsonl');
    const summary = await runPilot(items, client(), { judge: createAlwaysYesJudge() }, { n: 4, samplesPerRequest: 2, seed: 3, reward: 'all' }, openPilotFile(file));
    expect(summary).toMatchObject({ prompts: 2, piloted: 2, resumed: 0, rollouts: 8, skipped: [] });
    expect(server.requests).toHaveLength(4);
    expect(server.requests.map((r) => r.body)).toContainEqual(expect.objectContaining({ model: 'm', n: 2, temperature: 1, max_tokens: 32, seed: rolloutSeed(3, 'k-1', 1) }));
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { key: string; rewards: number[]; passed: boolean[][]; responses: string[] });
    const k1 = lines.find((l) => l.key === 'k-1')!;
    expect(k1.responses).toHaveLength(4);
    // k-1: coral + lowercase + 2 soft (judge: yes). Only the seeded 'calm tide' answer passes everything.
    k1.responses.forEach((r, i) => expect(k1.rewards[i]).toBe(r.startsWith('the calm tide') ? 1 : 0));
    expect(k1.passed[0]).toHaveLength(4);
    expect([...k1.rewards].sort()).toEqual([0, 0, 0, 1]);
    // k-2: no comma; "Sample 0, seed …" has a comma, the tide answer has none.
    const k2 = lines.find((l) => l.key === 'k-2')!;
    k2.responses.forEach((r, i) => expect(k2.rewards[i]).toBe(r.includes(',') ? 0 : 1));
  });

  it('skips prompts it cannot score (soft without a judge) with file:line and a reason', async () => {
    const { items } = await readDataset(join(__dirname, 'fixtures', 'ifkit.jsonl'));
    const summary = await runPilot(items, client(), {}, { n: 1, seed: 0, reward: 'all' }, openPilotFile(join(dir, 'p2.jsonl')));
    expect(summary.skipped).toEqual([{ key: 'k-1', reason: expect.stringMatching(/ifkit\.jsonl:1: prompt "k-1" has soft constraints; pass --judge <spec>/) }]);
    expect(summary.piloted).toBe(1);
  });

  it('never runs a dataset\'s Python unless asked; with the sandbox it runs and scores it', async () => {
    const marker = join(dir, 'ran.txt');
    const item = ifkitItem(
      { key: 'py', prompt: 'Say something.', python_checkers: [{ checker: 'Marker', function: `def check_following(instruction, response):\n    open(${JSON.stringify(marker)}, "w").close()\n    return "seed" in response\n` }] },
      { file: 'x.jsonl', line: 7, format: 'ifkit' },
    );
    const without = await runPilot([item], client(), {}, { n: 2, seed: 0, reward: 'all' }, openPilotFile(join(dir, 'p3.jsonl')));
    expect(without.skipped[0]!.reason).toMatch(/x\.jsonl:7: prompt "py" has 1 rule\(s\) given as Python from the dataset \(Marker\), not run by default; rerun with --run-untrusted-code/);
    expect(server.requests).toHaveLength(0);
    expect(existsSync(marker)).toBe(false);
    const withFlag = await runPilot([item], client(), { runPython: (s, a) => runUntrustedCheck(s, a) }, { n: 2, seed: 0, reward: 'all' }, openPilotFile(join(dir, 'p4.jsonl')));
    expect(withFlag.piloted).toBe(1);
    expect(existsSync(marker)).toBe(true);
  });
});
