/** The JSON routes: /verify, /verify/batch and OpenRLHF's /get_reward, from a parsed body to a reply value. */
import { z } from 'zod';
import type { CheckerVariant } from '../verifiers/types';
import type { RewardKind } from '../rewards/aggregate';
import { HttpError } from './http-util';
import type { ItemResult } from './item-result';
import { getRewardReply, responseFromQuery, type GetRewardReply } from './openrlhf';
import { BATCH_FIELDS, firstIssue, ITEM_FIELDS, getRewardParamsSchema, getRewardSchema, verifyBatchSchema, verifyBodySchema } from './schema';
import type { CheckMode } from './types';
import { scoreRequests, type ScoreContext, type ScoreRequest } from './verify-items';

/** Server-wide defaults and limits. */
export interface RouteConfig {
  readonly mode: CheckMode;
  readonly reward: RewardKind;
  readonly variant: CheckerVariant;
  /** Most items in one /verify/batch or /get_reward request. */
  readonly maxItems: number;
  readonly eosTokens: readonly string[];
}

function parse<T>(schema: z.ZodType<T>, value: unknown, known?: (path: ReadonlyArray<PropertyKey>) => readonly string[]): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const { field, message } = firstIssue(r.error, known);
  throw new HttpError(400, field, message);
}

type Item = z.infer<typeof verifyBodySchema>;
type Defaults = { mode?: CheckMode | undefined; reward?: RewardKind | undefined; variant?: CheckerVariant | undefined; strip_thinking?: boolean | undefined };

function scoreRequest(item: Item, defaults: Defaults, config: RouteConfig): ScoreRequest {
  return {
    job: {
      response: item.response,
      constraints: item.instruction_id_list
        ? { kind: 'ids', instructionIds: item.instruction_id_list, kwargs: item.kwargs ?? item.instruction_id_list.map(() => null) }
        : { kind: 'label', label: item.label },
      mode: item.mode ?? defaults.mode ?? config.mode,
      variant: item.variant ?? defaults.variant ?? config.variant,
      stripThinking: item.strip_thinking ?? defaults.strip_thinking ?? false,
    },
    reward: item.reward ?? defaults.reward ?? config.reward,
    ...(item.weights ? { weights: item.weights } : {}),
    prompt: item.prompt ?? '',
  };
}

/** POST /verify: one response → its reward and per-constraint verdicts. */
export async function verifyRoute(ctx: ScoreContext, config: RouteConfig, body: unknown): Promise<ItemResult> {
  const item = parse(verifyBodySchema, body, () => ITEM_FIELDS);
  const [result] = await scoreRequests(ctx, [scoreRequest(item, {}, config)], (_, field) => field);
  return result!;
}

/** POST /verify/batch: many responses, results in order. */
export async function verifyBatchRoute(ctx: ScoreContext, config: RouteConfig, body: unknown): Promise<{ results: ItemResult[] }> {
  const batch = parse(verifyBatchSchema(config.maxItems), body, (path) => (path.length === 0 ? BATCH_FIELDS : ITEM_FIELDS));
  const requests = batch.items.map((item) => scoreRequest(item, batch, config));
  const results = await scoreRequests(ctx, requests, (i, field) => (field ? `items[${i}].${field}` : `items[${i}]`));
  return { results };
}

/** POST /get_reward (OpenRLHF). `params` are the query string's mode/reward/variant overrides. */
export async function getRewardRoute(ctx: ScoreContext, config: RouteConfig, body: unknown, params: Record<string, string>): Promise<GetRewardReply> {
  const overrides = parse(getRewardParamsSchema, params, () => ['mode', 'reward', 'variant']);
  const b = parse(getRewardSchema(config.maxItems), body);
  const reward = overrides.reward ?? config.reward;
  const requests = b.query.map((query, i): ScoreRequest => ({
    job: {
      response: responseFromQuery(query, b.prompts[i]!, i, config.eosTokens),
      constraints: { kind: 'label', label: b.labels[i] },
      mode: overrides.mode ?? config.mode,
      variant: overrides.variant ?? config.variant,
      stripThinking: true,
    },
    reward,
    prompt: b.prompts[i]!,
  }));
  const results = await scoreRequests(ctx, requests, (i, field) => (field === 'label' ? `labels[${i}]` : field ? `labels[${i}].${field}` : `query[${i}]`));
  return getRewardReply(results, reward);
}
