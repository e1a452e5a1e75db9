import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ifevalGoldenRows, mapConcurrent, post, pyStrLiteral } from './fixtures/http-client';
import { startRewardServer, type RewardServer } from './server';

// Every IFEval GPT-4 response through real HTTP on loopback, against the official strict and loose results.
const rows = ifevalGoldenRows();
let server: RewardServer;

beforeAll(async () => {
  // A generous check budget: this test is about equality, and the machine is shared.
  server = await startRewardServer({ port: 0, workers: 2, checkTimeoutMs: 30_000 });
});
afterAll(() => server.close());

interface VerifyReply {
  reward: number;
  follow_all_instructions: boolean;
  instructions: Array<{ id: string; passed: boolean }>;
  status: string;
}

describe('IFEval GPT-4 responses over HTTP', () => {
  it('has the 541 rows with their kwargs', () => {
    expect(rows).toHaveLength(541);
    expect(rows.every((r) => r.kwargs.length === r.instructionIds.length)).toBe(true);
  });

  it.each(['strict', 'loose'] as const)('/verify reward "all" in %s mode equals follow_all_instructions, per instruction too', async (mode) => {
    const replies = await mapConcurrent(rows, 16, (r) =>
      post(server.url, '/verify', { response: r.response, instruction_id_list: r.instructionIds, kwargs: r.kwargs, mode, reward: 'all' }),
    );
    expect(replies.every((x) => x.status === 200)).toBe(true);
    const got = replies.map((x) => x.json as VerifyReply);
    expect(got.map((g) => g.reward)).toEqual(rows.map((r) => (r[mode].all ? 1 : 0)));
    expect(got.map((g) => g.follow_all_instructions)).toEqual(rows.map((r) => r[mode].all));
    expect(got.map((g) => g.instructions.map((i) => i.passed))).toEqual(rows.map((r) => r[mode].list));
    // Counted in the official files: 417 strict and 431 loose responses follow all their instructions.
    expect(got.filter((g) => g.reward === 1).length).toBe(mode === 'strict' ? 417 : 431);
  });

  it('/verify/batch gives the same verdicts as /verify in one request (labels on odd rows, as the verl shim sends)', async () => {
    const { status, json } = await post(server.url, '/verify/batch', {
      mode: 'loose',
      reward: 'all',
      items: rows.map((r, i) =>
        i % 2 === 0
          ? { response: r.response, instruction_id_list: r.instructionIds, kwargs: r.kwargs }
          : { response: r.response, label: JSON.stringify({ instruction_id: r.instructionIds, kwargs: r.kwargs }) },
      ),
    });
    expect(status).toBe(200);
    expect((json as { results: VerifyReply[] }).results.map((g) => g.follow_all_instructions)).toEqual(rows.map((r) => r.loose.all));
  });

  it.each(['strict', 'loose'] as const)('/get_reward (one sample per request, as OpenRLHF sends) gives the same rewards, %s', async (mode) => {
    const replies = await mapConcurrent(rows, 16, (r, i) => {
      const label = JSON.stringify({ instruction_id: r.instructionIds, kwargs: r.kwargs });
      // Alternate the two label encodings open-instruct datasets use: a JSON string, and a Python repr list around it.
      const wrapped = `[${pyStrLiteral(label)}]`;
      const prompt = `<|user|>\n${r.prompt}\n<|assistant|>\n`;
      return post(server.url, `/get_reward?mode=${mode}`, { query: [prompt + r.response + '<|im_end|>'], prompts: [prompt], labels: [i % 2 === 0 ? label : wrapped] });
    });
    const failed = replies.filter((x) => x.status !== 200);
    expect(failed.slice(0, 1)).toEqual([]);
    const rewards = replies.map((x) => (x.json as { rewards: number[] }).rewards[0]);
    expect(rewards).toEqual(rows.map((r) => (r[mode].all ? 1 : 0)));
  });
});
