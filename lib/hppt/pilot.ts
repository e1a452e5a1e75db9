/**
 * The pilot: n rollouts per prompt from an OpenAI-compatible server, scored, one results line per prompt. Requests
 * carry a seed derived from (seed, key, request index), their replies are cached, and finished prompts are skipped
 * on rerun, so an interrupted pilot resumes without repeating finished work.
 */
import { createLimiter } from '../judge/limit';
import { keyedSeed } from './keyed-seed';
import type { PilotFile } from './pilot-file';
import type { RolloutClient } from './rollout-client';
import { scoreRollouts, unscorableReason, type PilotReward, type ScoreDeps } from './score';
import type { HpptItem } from './types';

export interface PilotOptions {
  /** Rollouts per prompt. */
  readonly n: number;
  /** Completions asked per request (`n` of the OpenAI API); default n. */
  readonly samplesPerRequest?: number;
  readonly seed: number;
  readonly reward: PilotReward;
  /** Prompts in progress at once (default 8). */
  readonly concurrency?: number;
}

export interface PilotSummary {
  readonly prompts: number;
  /** Finished by an earlier run. */
  readonly resumed: number;
  readonly piloted: number;
  readonly skipped: { readonly key: string; readonly reason: string }[];
  readonly rollouts: number;
  readonly checkFailures: number;
}

/** The seed of request `r` of a prompt: what the server receives, so a seeded server repeats the same samples. */
export function rolloutSeed(seed: number, key: string, r: number): number {
  return keyedSeed(seed, key, `rollout-${r}`);
}

/** The requests of one prompt: sizes (samples each) summing to n. */
export function requestSizes(n: number, perRequest: number): number[] {
  return Array.from({ length: Math.ceil(n / perRequest) }, (_, r) => Math.min(perRequest, n - r * perRequest));
}

/**
 * @example await runPilot(items, client, { judge }, { n: 8, seed: 0, reward: 'all' }, openPilotFile('pilot.jsonl'))
 */
export async function runPilot(
  items: readonly HpptItem[],
  client: RolloutClient,
  deps: ScoreDeps,
  opts: PilotOptions,
  out: PilotFile,
  hooks: { onPrompt?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<PilotSummary> {
  const sizes = requestSizes(opts.n, opts.samplesPerRequest ?? opts.n);
  const limit = createLimiter(opts.concurrency ?? 8);
  const skipped: PilotSummary['skipped'] = [];
  let resumed = 0, piloted = 0, rollouts = 0, checkFailures = 0, finished = 0;
  const tick = (): void => hooks.onPrompt?.(++finished, items.length);
  await Promise.all(
    items.map((item) =>
      limit(async () => {
        if (out.done.has(item.key)) {
          resumed++;
          return tick();
        }
        const why = unscorableReason(item, deps);
        if (why) {
          skipped.push({ key: item.key, reason: `${item.origin.file}:${item.origin.line}: prompt ${JSON.stringify(item.key)} ${why}` });
          return tick();
        }
        const replies = await Promise.all(sizes.map((n, r) => client.sample({ messages: item.messages, n, seed: rolloutSeed(opts.seed, item.key, r) }, hooks.signal)));
        const responses = replies.flat();
        const scored = await scoreRollouts(item, responses, deps, opts.reward);
        out.append({ key: item.key, rewards: scored.rewards, passed: scored.passed, responses, ...(scored.failures.length ? { failures: scored.failures } : {}) });
        piloted++;
        rollouts += responses.length;
        checkFailures += scored.failures.length;
        tick();
      }),
    ),
  );
  return { prompts: items.length, resumed, piloted, skipped, rollouts, checkFailures };
}
