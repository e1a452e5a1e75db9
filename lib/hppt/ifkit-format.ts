/**
 * ifkit's own JSONL: IFEval's prompt rows (`key`, `prompt`, `instruction_id_list`, `kwargs`) plus soft constraints
 * as text. Refined datasets are written in this form (with an `hppt` record of what was done) and read back by
 * `ifkit hppt export`.
 *
 *   {"key": "p1", "prompt": "...", "instruction_id_list": [...], "kwargs": [...],
 *    "soft_constraints": ["Answer cheerfully." | {"text": "...", "type": "Desired_Writing_Style"}],
 *    "python_checkers": [{"checker": "Number_Words", "function": "def check_following(...)..."}]}
 *
 * `messages` may replace `prompt` for multi-turn prompts; `python_checkers` carries VerInstruct rules ifkit could not
 * map (they need `--run-untrusted-code`, and the reward server cannot score them).
 */
import { z } from 'zod';
import { contentKey, pythonRule, registryConstraint, softText } from './constraints';
import { SOFT_TEXT_ID } from './soft-text';
import type { HpptConstraint, HpptItem, ItemOrigin } from './types';

const message = z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() });
const softEntry = z.union([z.string().min(1), z.object({ text: z.string().min(1), type: z.string().min(1).optional() })]);

const rowSchema = z
  .looseObject({
    key: z.union([z.string(), z.number()]).optional(),
    prompt: z.string().optional(),
    messages: z.array(message).min(1).optional(),
    instruction_id_list: z.array(z.string()).default([]),
    kwargs: z.array(z.record(z.string(), z.unknown()).nullable()).optional(),
    soft_constraints: z.array(softEntry).default([]),
    python_checkers: z.array(z.object({ checker: z.string(), function: z.string() })).default([]),
    dataset: z.string().optional(),
    hppt: z.unknown().optional(),
  })
  .refine((r) => (r.prompt === undefined) !== (r.messages === undefined), { message: 'give either prompt or messages', path: ['prompt'] })
  .refine((r) => r.kwargs === undefined || r.kwargs.length === r.instruction_id_list.length, {
    message: 'needs one kwargs entry (or null) per instruction id',
    path: ['kwargs'],
  });

/** One ifkit row as an item; throws with the reason the row cannot be used. */
export function ifkitItem(raw: unknown, origin: ItemOrigin): HpptItem {
  const parsed = rowSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`ifkit row: ${issue.path.join('.') || '(row)'}: ${issue.message}; expected {key, prompt, instruction_id_list, kwargs, soft_constraints}`);
  }
  const r = parsed.data;
  const constraints: HpptConstraint[] = [
    ...r.instruction_id_list.map((id, i) => registryConstraint(id, r.kwargs?.[i] ?? null)),
    ...r.soft_constraints.map((s) => (typeof s === 'string' ? softText(s) : softText(s.text, s.type))),
    ...r.python_checkers.map((p) => pythonRule(p.checker, p.function)),
  ];
  const messages = r.messages ?? [{ role: 'user' as const, content: r.prompt! }];
  const hppt = r.hppt as HpptItem['hppt'];
  return {
    key: r.key !== undefined ? String(r.key) : contentKey([messages, r.instruction_id_list, r.kwargs, r.soft_constraints]),
    messages,
    constraints,
    ...(r.dataset !== undefined ? { dataset: r.dataset } : {}),
    origin,
    ...(hppt !== undefined ? { hppt } : {}),
  };
}

/** An item as an ifkit row (the inverse of ifkitItem). */
export function ifkitRow(item: HpptItem): Record<string, unknown> {
  const registry = item.constraints.flatMap((c) => (c.check.by === 'registry' ? [c.check] : []));
  const soft = item.constraints.flatMap((c) => (c.check.by === 'judge' ? [c.type === SOFT_TEXT_ID ? c.check.instruction : { text: c.check.instruction, type: c.type }] : []));
  const python = item.constraints.flatMap((c) => (c.check.by === 'python' ? [{ checker: c.type, function: c.check.source }] : []));
  const single = item.messages.length === 1 && item.messages[0]!.role === 'user';
  return {
    key: item.key,
    ...(single ? { prompt: item.messages[0]!.content } : { messages: item.messages }),
    instruction_id_list: registry.map((c) => c.id),
    kwargs: registry.map((c) => c.kwargs),
    ...(soft.length ? { soft_constraints: soft } : {}),
    ...(python.length ? { python_checkers: python } : {}),
    ...(item.dataset !== undefined ? { dataset: item.dataset } : {}),
    ...(item.hppt !== undefined ? { hppt: item.hppt } : {}),
  };
}
