/**
 * Request bodies of the reward server, validated with zod. A failure becomes a 400 naming the field
 * (`items[3].kwargs[1]`) and saying what was expected.
 */
import { z } from 'zod';
import { REWARD_KINDS } from '../rewards/aggregate';

/** Most constraints one response may carry (IFEval has ≤ 6, IF-RLVR training ≤ 5): bounds the work of one item. */
export const MAX_CONSTRAINTS = 64;

const mode = z.enum(['strict', 'loose']);
const reward = z.enum(REWARD_KINDS);
const variant = z.enum(['upstream', 'corrected']);
const kwargsEntry = z.record(z.string(), z.unknown()).nullable();

/** Fields /verify and each /verify/batch item share; mode, reward, variant and strip_thinking fall back to defaults. */
const itemShape = {
  response: z.string(),
  instruction_id_list: z.array(z.string()).max(MAX_CONSTRAINTS).optional(),
  /** Instead of instruction_id_list + kwargs: an open-instruct / IF-RLVR label, as /get_reward takes it. */
  label: z.unknown().optional(),
  kwargs: z.array(kwargsEntry).optional(),
  mode: mode.optional(),
  reward: reward.optional(),
  weights: z.array(z.number().finite()).optional(),
  variant: variant.optional(),
  strip_thinking: z.boolean().optional(),
  /** The prompt, for judges of soft constraints (optional). */
  prompt: z.string().optional(),
};

type ItemInput = { instruction_id_list?: string[] | undefined; label?: unknown; kwargs?: unknown[] | undefined; weights?: number[] | undefined };

function checkLengths(item: ItemInput, ctx: z.RefinementCtx): void {
  if ((item.instruction_id_list === undefined) === (item.label === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['instruction_id_list'], message: 'give either instruction_id_list (with kwargs) or label, not both and not neither' });
    return;
  }
  if (item.label !== undefined) {
    if (item.kwargs) ctx.addIssue({ code: 'custom', path: ['kwargs'], message: 'a label carries its own kwargs; drop kwargs' });
    return;
  }
  const n = item.instruction_id_list!.length;
  if (item.kwargs && item.kwargs.length !== n) {
    ctx.addIssue({ code: 'custom', path: ['kwargs'], message: `has ${item.kwargs.length} entries but instruction_id_list has ${n}; give one kwargs object (or null) per id` });
  }
  if (item.weights && item.weights.length !== n) {
    ctx.addIssue({ code: 'custom', path: ['weights'], message: `has ${item.weights.length} entries but instruction_id_list has ${n}; give one weight per id` });
  }
}

/** The fields a /verify body (or a batch item) may have, and those of a /verify/batch body. */
export const ITEM_FIELDS: readonly string[] = Object.keys(itemShape);
export const BATCH_FIELDS: readonly string[] = ['items', 'mode', 'reward', 'variant', 'strip_thinking'];

/** POST /verify. */
export const verifyBodySchema = z.strictObject(itemShape).superRefine(checkLengths);
export type VerifyBody = z.infer<typeof verifyBodySchema>;

// zod 4 compiles a schema on its first parse, so each is built once per limit, not once per request.
function once<S>(make: (maxItems: number) => S): (maxItems: number) => S {
  const built = new Map<number, S>();
  return (maxItems) => {
    let s = built.get(maxItems);
    if (s === undefined) built.set(maxItems, (s = make(maxItems)));
    return s;
  };
}

/** POST /verify/batch: items plus batch-wide defaults that an item may override. */
export const verifyBatchSchema = once((maxItems: number) =>
  z.strictObject({
    items: z.array(z.strictObject(itemShape).superRefine(checkLengths)).max(maxItems),
    mode: mode.optional(),
    reward: reward.optional(),
    variant: variant.optional(),
    strip_thinking: z.boolean().optional(),
  }),
);
export type VerifyBatchBody = z.infer<ReturnType<typeof verifyBatchSchema>>;

/** POST /get_reward (OpenRLHF): extra fields are allowed, as later OpenRLHF versions may send more. */
export const getRewardSchema = once((maxItems: number) =>
  z
    .looseObject({
      query: z.array(z.string()).max(maxItems),
      prompts: z.array(z.string()),
      labels: z.array(z.unknown()),
    })
    .superRefine((b, ctx) => {
      for (const key of ['prompts', 'labels'] as const) {
        if (b[key].length !== b.query.length) {
          ctx.addIssue({ code: 'custom', path: [key], message: `has ${b[key].length} entries but query has ${b.query.length}; send one per query` });
        }
      }
    }),
);
export type GetRewardBody = z.infer<ReturnType<typeof getRewardSchema>>;

/** Query-string overrides of /get_reward's defaults (`/get_reward?reward=fraction&mode=loose`). */
export const getRewardParamsSchema = z.strictObject({ mode: mode.optional(), reward: reward.optional(), variant: variant.optional() });

/** `items[3].kwargs[1]` from a zod path. */
export function fieldName(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
}

/** The first issue of a failed parse as a field and a message; `known(path)` lists the fields allowed at a path. */
export function firstIssue(error: z.ZodError, known?: (path: ReadonlyArray<PropertyKey>) => readonly string[]): { readonly field: string; readonly message: string } {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const field = fieldName([...issue.path, issue.keys[0] ?? '']);
    const allowed = known?.(issue.path);
    return { field, message: `unknown field${allowed ? `; expected only ${allowed.join(', ')}` : ''}` };
  }
  return { field: fieldName(issue.path) || '(body)', message: issue.message };
}
