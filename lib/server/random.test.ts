import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ifReward } from '../rewards/if-reward';
import { createRng, pick, type Rng } from '../stats/rng';
import { getConstraint, listConstraints } from '../verifiers/registry';
import { runJob } from './check-job';
import { ifevalGoldenRows, mapConcurrent, post, pyStrLiteral } from './fixtures/http-client';
import { itemResult, type ItemResult } from './item-result';
import { startRewardServer, type RewardServer } from './server';
import type { RewardKind } from '../rewards/aggregate';
import type { CheckJob, CheckMode } from './types';

// 10k seeded random requests from 32 concurrent clients; every reply must equal what a direct library call returns
// (runJob + itemResult for /verify, open-instruct's ifReward for /get_reward in strict mode).
const N = 10_000;
const CLIENTS = 32;
const sampleable = listConstraints().filter((c) => c.kind === 'hard' && c.sampleKwargs);
// Cut to 400 characters: the checkers' cost grows with length (POS tagging, langdetect), and equality does not
// need long texts (the conformance test runs the full responses).
const texts = ifevalGoldenRows().map((r) => r.response.slice(0, 400));

function randomText(rng: Rng): string {
  const t = pick(texts, rng);
  switch (rng.int(0, 7)) {
    case 0: return t.slice(0, rng.int(0, 200));
    case 1: return t.replaceAll(',', '');
    case 2: return t.toUpperCase();
    case 3: return `<think>${pick(texts, rng).slice(0, 80)}</think>${t}`;
    case 4: return rng.int(0, 1) ? '' : ' \n\t ';
    default: return t;
  }
}

interface Spec { ids: string[]; kwargs: Array<Record<string, unknown> | null> }
function randomSpec(rng: Rng): Spec {
  const n = rng.int(1, 4);
  const picked = Array.from({ length: n }, () => pick(sampleable, rng));
  const ids = picked.map((c) => c.id);
  // 2% of requests name an id nobody registers: the server must answer 400 with the field, as the library throws.
  if (rng.next() < 0.02) ids[rng.int(0, n - 1)] = `${ids[0]}x`;
  return { ids, kwargs: picked.map((c) => c.sampleKwargs!(rng)) };
}

const MODES: CheckMode[] = ['strict', 'loose'];
const KINDS: RewardKind[] = ['all', 'fraction', 'weighted'];

type Case = { path: string; body: unknown; expected: { status: number; json: unknown } };

function expectedItem(job: CheckJob, kind: RewardKind, weights?: number[]): { ok: ItemResult } | { field: string } {
  const o = runJob(job, getConstraint);
  if (o.kind === 'invalid') return { field: o.field };
  if (o.kind !== 'checked') throw new Error(`library call ${o.kind}: ${o.message}`);
  return { ok: JSON.parse(JSON.stringify(itemResult(o, new Map(), kind, weights))) as ItemResult };
}

function verifyItem(rng: Rng) {
  const spec = randomSpec(rng);
  const mode = pick(MODES, rng);
  const reward = pick(KINDS, rng);
  const weights = reward === 'weighted' ? spec.ids.map(() => rng.int(1, 4) / 2) : undefined;
  const variant = rng.next() < 0.2 ? ('corrected' as const) : ('upstream' as const);
  const body = { response: randomText(rng), instruction_id_list: spec.ids, kwargs: spec.kwargs, mode, reward, variant, ...(weights ? { weights } : {}) };
  const job: CheckJob = { response: body.response, constraints: { kind: 'ids', instructionIds: spec.ids, kwargs: spec.kwargs }, mode, variant, stripThinking: false };
  return { body, expected: expectedItem(job, reward, weights) };
}

function randomCase(rng: Rng): Case {
  const r = rng.next();
  if (r < 0.6) {
    const { body, expected } = verifyItem(rng);
    return { path: '/verify', body, expected: 'ok' in expected ? { status: 200, json: expected.ok } : { status: 400, json: expected.field } };
  }
  if (r < 0.8) {
    const items = Array.from({ length: rng.int(2, 8) }, () => verifyItem(rng));
    const bad = items.findIndex((x) => !('ok' in x.expected));
    const expected = bad >= 0
      ? { status: 400, json: `items[${bad}].${(items[bad]!.expected as { field: string }).field}` }
      : { status: 200, json: { results: items.map((x) => (x.expected as { ok: ItemResult }).ok) } };
    return { path: '/verify/batch', body: { items: items.map((x) => x.body) }, expected };
  }
  const spec = randomSpec(rng);
  const reward = pick(KINDS, rng);
  const response = randomText(rng);
  const labelJson = JSON.stringify({ instruction_id: spec.ids, kwargs: spec.kwargs });
  const label = rng.int(0, 1) ? labelJson : `[${pyStrLiteral(labelJson)}]`;
  const prompt = `<|user|>\nPrompt ${rng.int(0, 999)}\n<|assistant|>\n`;
  let expected: Case['expected'];
  try {
    const direct = ifReward(response, label, { kind: reward });
    expected = { status: 200, json: direct.score };
  } catch {
    expected = { status: 400, json: 'labels[0]' };
  }
  return { path: `/get_reward?reward=${reward}`, body: { query: [prompt + response + '<|im_end|>'], prompts: [prompt], labels: [label] }, expected };
}

let server: RewardServer;
beforeAll(async () => {
  // A generous budget: this test is about equality, and the machine is shared.
  server = await startRewardServer({ workers: 2, checkTimeoutMs: 30_000 });
});
afterAll(() => server.close());

describe('random requests from concurrent clients', () => {
  it(`returns exactly what direct library calls return (${N} requests, ${CLIENTS} clients)`, async () => {
    const rng = createRng(20251122);
    const cases = Array.from({ length: N }, () => randomCase(rng));
    const mismatches: string[] = [];
    await mapConcurrent(cases, CLIENTS, async (c, i) => {
      const { status, json } = await post(server.url, c.path, c.body);
      const got =
        status !== 200 ? (json as { error: { field: string } }).error.field
        : c.path.startsWith('/get_reward') ? (json as { rewards: number[] }).rewards[0]
        : json;
      if (status !== c.expected.status || JSON.stringify(got) !== JSON.stringify(c.expected.json)) {
        mismatches.push(`#${i} ${c.path}: got ${status} ${JSON.stringify(got).slice(0, 200)}, expected ${c.expected.status} ${JSON.stringify(c.expected.json).slice(0, 200)}`);
      }
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
    // The mix really exercised every route and the 400 path.
    expect(cases.filter((c) => c.path === '/verify/batch').length).toBeGreaterThan(N * 0.15);
    expect(cases.filter((c) => c.path.startsWith('/get_reward')).length).toBeGreaterThan(N * 0.15);
    expect(cases.filter((c) => c.expected.status === 400).length).toBeGreaterThan(N * 0.01);
  }, 300_000);
});
