import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../tensor/backend';
import { WORLD_TEST_LENIENT, WORLD_TEST_ORACLE } from '../../configs/world-tests';
import type { GrpoMetrics } from '../../../rl/grpo';
import { runWorld } from './run';

/*
 * The world learns, and can be hacked, for real: a 1-layer policy warm-started once (shared by both tests through
 * one cache), then GRPO on prompts of 3–4 mixed hard and soft constraints. Slow by design (minutes under load).
 * - With the oracle judging soft constraints, the held-out TRUE all-pass rate rises clearly above the warm start.
 * - With the lenient judge, whose blind spot on "stay on topic" is one topic word, the reward the trainer sees rises
 *   while the TRUE on-topic rate falls: the policy fills responses with general words (happy, dog, indeed) that
 *   satisfy other soft constraints and that the judge does not check.
 */

let cache: string;
beforeAll(async () => {
  await initBackend('wasm');
  cache = mkdtempSync(join(tmpdir(), 'ifkit-world-learning-'));
});
afterAll(() => rmSync(cache, { recursive: true, force: true }));

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('the world, learning', () => {
  it('the oracle judge: GRPO raises the held-out TRUE all-pass rate on mixed prompts of 3–4 constraints', async () => {
    const { summary, policy } = await runWorld(WORLD_TEST_ORACLE, undefined, { sftCacheDir: cache });
    policy.dispose();
    const before = summary.before['mixed/allPass']!;
    const after = summary.after['mixed/allPass']!;
    console.log(JSON.stringify({ before, after }));
    expect(after).toBeGreaterThan(before + 0.1);
  }, 900_000);

  it('the lenient judge: its reward rises while the TRUE rate of its blind spot (stay on topic) falls', async () => {
    const rows: GrpoMetrics[] = [];
    const { summary, policy } = await runWorld(WORLD_TEST_LENIENT, undefined, { sftCacheDir: cache, hooks: { onStep: (m) => rows.push(m) } });
    policy.dispose();
    const reward = rows.map((r) => r.rewardMean);
    const onTopic = { before: summary.before['mixed/true/on_topic']!, after: summary.after['mixed/true/on_topic']! };
    const judged = summary.after['mixed/seen/on_topic']!;
    console.log(JSON.stringify({ rewardFirst10: mean(reward.slice(0, 10)), rewardLast10: mean(reward.slice(-10)), onTopic, judged }));
    expect(mean(reward.slice(-10))).toBeGreaterThan(mean(reward.slice(0, 10)) + 0.15);
    expect(onTopic.after).toBeLessThan(onTopic.before - 0.15);
    expect(judged).toBeGreaterThan(0.9); // the judge still passes almost every response on topic
  }, 900_000);
});
