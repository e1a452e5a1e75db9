/**
 * Kwargs to run every registered id with: a few draws of the id's seeded sampler, the first kwargs the IFEval and
 * IFBench data give it, and hand-written ones for the IFTrain ids that need the prompt and appear in neither file.
 */
import { readJsonlSync } from '../../data/jsonl';
import { dataPath } from '../../data/paths';
import { createRng } from '../../stats/rng';
import type { Constraint } from '../define';

const PROMPT = 'Write a short poem about the sea, in three stanzas, and explain the metaphors you chose.';

/** IFTrain ids that need the prompt and appear in neither benchmark file. */
export const HAND_KWARGS: Readonly<Record<string, Record<string, unknown>>> = {
  'copy:copy': { prompt_to_repeat: PROMPT },
  'copy:copying_simple': { prompt_to_repeat: PROMPT },
  'copy:copying_multiple': { prompt_to_repeat: PROMPT, N: 3 },
  'new:copy_span_idx': { prompt_to_repeat: PROMPT, n_start: 6, n_end: 30 },
};

/** The first kwargs each id has in the IFEval and IFBench prompt files. */
export function kwargsFromData(): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const file of ['ifeval/input_data.jsonl', 'ifbench/IFBench_test.jsonl']) {
    for (const { value } of readJsonlSync(dataPath(file))) {
      const { instruction_id_list: ids, kwargs } = value as { instruction_id_list: string[]; kwargs: unknown[] };
      ids.forEach((id, i) => found.has(id) || found.set(id, kwargs[i]));
    }
  }
  return found;
}

/**
 * Up to `draws` sampler draws plus the data's kwargs, deduplicated; the hand kwargs when there are neither.
 * @example kwargsToFuzz(getConstraint('keywords:frequency'), kwargsFromData(), 3).length // 4
 */
export function kwargsToFuzz(c: Constraint, fromData: ReadonlyMap<string, unknown>, draws: number, seed = 11): unknown[] {
  const rng = createRng(seed);
  const all: unknown[] = [];
  if (c.sampleKwargs) for (let i = 0; i < draws; i++) all.push(c.sampleKwargs(rng));
  if (fromData.has(c.id)) all.push(fromData.get(c.id));
  if (all.length === 0 && HAND_KWARGS[c.id]) all.push(HAND_KWARGS[c.id]);
  const seen = new Set<string>();
  return all.filter((k) => {
    const key = JSON.stringify(k);
    return !seen.has(key) && (seen.add(key), true);
  });
}
