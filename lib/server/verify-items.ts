/** The path every route shares: jobs to the pool, bad items to a 400, soft constraints to the judge, verdicts to rewards. */
import type { Judge } from '../judge/types';
import type { RewardKind } from '../rewards/aggregate';
import { HttpError } from './http-util';
import { itemResult, zeroResult, type ItemResult } from './item-result';
import { judgeSoft } from './judge-step';
import type { ServerMetrics } from './metrics';
import type { CheckerPool } from './pool';
import type { CheckJob } from './types';

/** One response to score. */
export interface ScoreRequest {
  readonly job: CheckJob;
  readonly reward: RewardKind;
  readonly weights?: readonly number[];
  /** For judges of soft constraints. */
  readonly prompt: string;
}

/** What the routes need from the server. */
export interface ScoreContext {
  readonly pool: CheckerPool;
  readonly judge?: Judge;
  readonly metrics: ServerMetrics;
  /** Logs timeouts and checker failures (the CLI prints them). */
  readonly onLog?: (line: string) => void;
}

/**
 * Scores requests in order. `fieldOf(i, field)` names a worker-reported field in the request body (`items[3].kwargs[1]`).
 * Throws HttpError 400 for the first invalid item.
 */
export async function scoreRequests(
  ctx: ScoreContext,
  requests: readonly ScoreRequest[],
  fieldOf: (index: number, field: string) => string,
): Promise<ItemResult[]> {
  const outcomes = await ctx.pool.run(requests.map((r) => r.job));
  outcomes.forEach((o, i) => {
    if (o.kind === 'invalid') throw new HttpError(400, fieldOf(i, o.field), o.message);
    const w = requests[i]!.weights;
    // With a label the constraint count is known only once the worker has read it.
    if (o.kind === 'checked' && w && w.length !== o.instructionIds.length) {
      throw new HttpError(400, fieldOf(i, 'weights'), `has ${w.length} entries but the label has ${o.instructionIds.length} constraints; give one weight per constraint`);
    }
  });
  let checks = 0;
  const results = await Promise.all(
    outcomes.map(async (o, i): Promise<ItemResult> => {
      const r = requests[i]!;
      if (o.kind === 'invalid') throw new Error('unreachable: invalid outcomes were rejected above');
      if (o.kind === 'timeout' || o.kind === 'failed') {
        ctx.onLog?.(`${o.kind}: ${fieldOf(i, '') || `item ${i}`}: ${o.message}`);
        ctx.metrics.add(o.kind === 'timeout' ? 'ifkit_check_timeouts_total' : 'ifkit_check_failures_total',
          o.kind === 'timeout' ? 'Responses scored 0 because a check overran its budget.' : 'Responses scored 0 because a checker threw or crashed.');
        return zeroResult(o);
      }
      checks += o.verdicts.filter((v) => v !== null).length;
      const judged = await judgeSoft(o, r.prompt, fieldOf(i, ''), ctx.judge);
      if (judged.size > 0) ctx.metrics.add('ifkit_judge_verdicts_total', 'Soft-constraint verdicts asked of the judge.', judged.size);
      return itemResult(o, judged, r.reward, r.weights);
    }),
  );
  ctx.metrics.add('ifkit_constraint_checks_total', 'Rule checks run (one constraint on one response; loose variants count once).', checks);
  return results;
}
