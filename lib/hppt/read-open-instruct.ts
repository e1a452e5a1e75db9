/**
 * open-instruct / IF-RLVR rows (allenai/open-instruct `open_instruct/dataset_transformation.py`: columns `messages`,
 * `ground_truth`, `dataset`; `ground_truth_utils.py`: IFEvalVerifier). The prompt is every message but the last
 * when there are several (`rlvr_tokenize_v1`); the label is `ast.literal_eval(ground_truth)[0]`, a dict or JSON text
 * of `{"instruction_id": [...], "kwargs": [...]}`. Only `dataset == "ifeval"` rows carry IF constraints.
 */
import { z } from 'zod';
import { parseIfLabel } from '../rewards/if-label';
import { parsePyLiteral } from '../rewards/py-literal';
import { contentKey, registryConstraint } from './constraints';
import type { HpptItem, ItemOrigin } from './types';

export const IF_DATASET = 'ifeval';

const message = z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() });
const rowSchema = z.looseObject({
  messages: z.array(message).min(1),
  ground_truth: z.unknown(),
  dataset: z.union([z.string(), z.array(z.string())]).optional(),
  key: z.union([z.string(), z.number()]).optional(),
  id: z.union([z.string(), z.number()]).optional(),
});

function isOldFuncNameLabel(label: unknown): boolean {
  if (typeof label !== 'string' || !label.includes('func_name')) return false;
  try {
    const v = JSON.parse(label) as unknown;
    return typeof v === 'object' && v !== null && 'func_name' in v;
  } catch {
    try {
      const v = parsePyLiteral(label);
      return typeof v === 'object' && v !== null && 'func_name' in v;
    } catch {
      return false;
    }
  }
}

/** One open-instruct row as an item; throws with the reason the row cannot be used. */
export function openInstructItem(raw: unknown, origin: ItemOrigin): HpptItem {
  const parsed = rowSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`open-instruct row: ${issue.path.join('.') || '(row)'}: ${issue.message}; expected {messages: [{role, content}], ground_truth, dataset}`);
  }
  const row = parsed.data;
  const datasets = row.dataset === undefined ? [IF_DATASET] : [row.dataset].flat();
  if (datasets.length !== 1 || datasets[0] !== IF_DATASET) {
    throw new Error(`dataset ${JSON.stringify(row.dataset)} is not open-instruct's IF verifier ("${IF_DATASET}"); only IF rows have constraints to refine`);
  }
  if (isOldFuncNameLabel(row.ground_truth)) {
    throw new Error('ground_truth is the old RLVR-IFeval {"func_name": ...} form (IFEvalVerifierOld); ifkit reads the {"instruction_id", "kwargs"} form');
  }
  const label = parseIfLabel(row.ground_truth);
  const constraints = label.instructionIds.map((id, i) => registryConstraint(id, label.kwargs[i] ?? null));
  const messages = row.messages.length === 1 ? row.messages : row.messages.slice(0, -1);
  const own = row.key ?? row.id;
  return {
    key: own !== undefined ? String(own) : contentKey([messages, label]),
    messages,
    constraints,
    dataset: IF_DATASET,
    origin,
  };
}
