import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Judge } from '../judge/types';
import { startRewardServer, type RewardServer } from '../server/server';
import { exportItems, labelOf } from './export';
import { readDataset } from './read-input';
import type { HpptItem } from './types';

// Exported rows go to the real reward server (worker threads, HTTP on loopback) exactly as each trainer sends them.

/** A judge that passes every soft constraint unless the response is grumpy. */
const judge: Judge = { name: 'test:not-grumpy', judge: async (req) => req.constraints.map(() => !req.response.includes('grumpy')) };

let server: RewardServer;
let dir: string;
let items: HpptItem[];
const post = async (path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
  const res = await fetch(server.url + path, { method: 'POST', body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ifkit-hppt-export-'));
  server = await startRewardServer({ workers: 1, judge, plugins: [join(__dirname, 'serve-plugin.ts')] });
  const fixtures = join(__dirname, 'fixtures');
  items = [...(await readDataset(join(fixtures, 'ifkit.jsonl'))).items, ...(await readDataset(join(fixtures, 'open-instruct.jsonl'))).items];
}, 60_000);
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** key → [response, expected all-pass reward] */
const CASES: Record<string, [string, number][]> = {
  'k-1': [
    ['the quiet tide carries coral and shells along the shore while we watch the sea', 1],
    ['The quiet tide carries coral and shells along the shore while we watch the sea', 0],
    ['the grumpy tide carries coral and shells along the shore while we watch the sea', 0],
  ],
  'k-2': [['apple', 1], ['apple, pear', 0]],
  'oi-1': [['rain falls softly on my umbrella', 1], ['rain, umbrella', 0]],
  'oi-2': [['word '.repeat(30).trim(), 1], ['too short', 0]],
};
const cases = () => items.flatMap((item) => (CASES[item.key] ?? []).map(([response, reward]) => ({ item, response, reward })));

describe('exports are scored by ifkit serve', () => {
  it('labels are open-instruct literals, soft texts as soft:instruction', () => {
    expect(labelOf(items[0]!)).toBe(
      "[{'instruction_id': ['keywords:existence', 'change_case:english_lowercase', 'soft:instruction', 'soft:instruction'], " +
        "'kwargs': [{'keywords': ['coral']}, None, {'instruction': 'Sound calm.'}, {'instruction': 'Mention the tide.'}]}]",
    );
  });

  it('OpenRLHF JSONL: /get_reward with query = prompt + response and the label column', async () => {
    const file = join(dir, 'openrlhf.jsonl');
    expect((await exportItems(items, 'openrlhf', file)).written).toBe(4);
    const rows = (await readFile(file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { key: string; prompt: { content: string }[]; label: string });
    expect(rows.map((r) => r.key)).toEqual(['k-1', 'k-2', 'oi-1', 'oi-2']);
    const all = cases();
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const prompts = all.map((c) => `<|user|>${byKey.get(c.item.key)!.prompt.at(-1)!.content}<|assistant|>`);
    const reply = await post('/get_reward', { query: all.map((c, i) => prompts[i] + c.response + '<|im_end|>'), prompts, labels: all.map((c) => byKey.get(c.item.key)!.label) });
    expect(reply.status).toBe(200);
    expect(reply.json.rewards).toEqual(all.map((c) => c.reward));
    // fraction: the capitalised k-1 answer passes the keyword and both soft constraints, fails lowercase
    const fraction = await post('/get_reward?reward=fraction', { query: [prompts[1]! + all[1]!.response], prompts: [prompts[1]], labels: [byKey.get('k-1')!.label] });
    expect(fraction.json.rewards).toEqual([0.75]);
  });

  it('verl Parquet: prompt as messages, reward_model.ground_truth posted to /verify/batch as examples/verl_reward.py does', async () => {
    const file = join(dir, 'train.parquet');
    await exportItems(items, 'verl', file, { dataSource: 'my-if' });
    const { parquetReadObjects } = await import('hyparquet');
    const buf = await readFile(file);
    const rows = (await parquetReadObjects({ file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) })) as {
      data_source: string; prompt: { role: string; content: string }[]; ability: string; reward_model: { style: string; ground_truth: string }; extra_info: { split: string; index: bigint; key: string };
    }[];
    expect(rows.map((r) => [r.data_source, r.ability, r.reward_model.style, r.extra_info.split, Number(r.extra_info.index), r.extra_info.key])).toEqual([
      ['my-if', 'if', 'rule', 'train', 0, 'k-1'], ['my-if', 'if', 'rule', 'train', 1, 'k-2'], ['my-if', 'if', 'rule', 'train', 2, 'oi-1'], ['my-if', 'if', 'rule', 'train', 3, 'oi-2'],
    ]);
    expect(rows[1]!.prompt).toEqual([{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Name a fruit, no commas.' }]);
    const all = cases();
    const byKey = new Map(rows.map((r) => [r.extra_info.key, r]));
    const reply = await post('/verify/batch', { items: all.map((c) => ({ response: c.response, label: byKey.get(c.item.key)!.reward_model.ground_truth, strip_thinking: true, prompt: byKey.get(c.item.key)!.prompt.at(-1)!.content })) });
    expect(reply.status).toBe(200);
    expect((reply.json.results as { reward: number }[]).map((r) => r.reward)).toEqual(all.map((c) => c.reward));
  });

  it('open-instruct rows: /get_reward with ground_truth; multi-message prompts survive open-instruct dropping the last message', async () => {
    const file = join(dir, 'oi.jsonl');
    await exportItems(items, 'open-instruct', file);
    const rows = (await readFile(file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { key: string; messages: { role: string; content: string }[]; ground_truth: string; dataset: string });
    expect(rows.every((r) => r.dataset === 'ifeval')).toBe(true);
    expect(rows[1]!.messages).toEqual([{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Name a fruit, no commas.' }, { role: 'assistant', content: '' }]);
    // read back by our own open-instruct reader: the same prompts and constraints
    const back = await readDataset(file);
    expect(back.bad).toEqual([]);
    expect(back.items.map((i) => [i.key, i.messages, i.constraints])).toEqual(items.map((i) => [i.key, i.messages, i.constraints.map((c) => (c.check.by === 'judge' ? { ...c, type: 'soft:instruction' } : c))]));
    const all = cases();
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const reply = await post('/get_reward', { query: all.map((c) => `P${c.response}`), prompts: all.map(() => 'P'), labels: all.map((c) => byKey.get(c.item.key)!.ground_truth) });
    expect(reply.json.rewards).toEqual(all.map((c) => c.reward));
  });

  it('skips rows the server cannot score, naming file:line', async () => {
    const vi = await readDataset(join(__dirname, 'fixtures', 'verinstruct.jsonl'));
    const r = await exportItems(vi.items, 'openrlhf', join(dir, 'vi.jsonl'));
    expect(r.written).toBe(1);
    expect(r.skipped.map((s) => `${s.line}: ${s.reason}`)).toEqual([expect.stringMatching(/^1: prompt "vi-1" constraint "Number_Words" is Python from the dataset .*not exported$/)]);
  });
});
