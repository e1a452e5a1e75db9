/**
 * VerInstruct rows (THU-KEG/VerIF `examples/data_preprocess/if_prompts.py` reads `{id, prompt, checkers,
 * functions}`; `verl/utils/reward_score/local_server/constraint_analyzer.py` splits checkers on their `[rule]` /
 * `[llm]` tag and ignores untagged ones). `functions` are Python sources defining `check_following(instruction,
 * response)`: code from a dataset, so it is never run here. Rule functions of a known shape map to registry ids
 * (verinstruct-map.ts); the others stay Python for the sandbox; `[llm]` checkers become soft constraints.
 */
import { z } from 'zod';
import { contentKey, pythonRule, registryConstraint, softText } from './constraints';
import type { HpptConstraint, HpptItem, ItemOrigin } from './types';
import { llmConstraintText, mapRuleFunction } from './verinstruct-map';

const rowSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  prompt: z.string(),
  checkers: z.array(z.string()),
  functions: z.array(z.string()),
});

const TAG = /^\s*\[(rule|llm)\]\s*/i;

/** "Desired_Writing_Style" → "Desired writing style" (what a judge reads when the function holds no text). */
function humanise(name: string): string {
  const words = name.replace(/_/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function constraintOf(checker: string, source: string): HpptConstraint | 'untagged' {
  const tag = TAG.exec(checker);
  if (!tag) return 'untagged';
  const name = checker.slice(tag[0].length).trim() || checker.trim();
  if (tag[1]!.toLowerCase() === 'llm') return softText(llmConstraintText(source) ?? humanise(name), name);
  const mapped = mapRuleFunction(source);
  if (!mapped) return pythonRule(name, source);
  const c = registryConstraint(mapped.id, mapped.kwargs);
  return { ...c, type: name };
}

/** One VerInstruct row as an item, and how many checkers were untagged (ignored, as upstream does). */
export function verInstructItem(raw: unknown, origin: ItemOrigin): { item: HpptItem; untagged: number } {
  const parsed = rowSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`VerInstruct row: ${issue.path.join('.') || '(row)'}: ${issue.message}; expected {id, prompt, checkers: [...], functions: [...]}`);
  }
  const { id, prompt, checkers, functions } = parsed.data;
  if (checkers.length !== functions.length) {
    throw new Error(`VerInstruct row has ${checkers.length} checkers but ${functions.length} functions; they pair up one to one`);
  }
  let untagged = 0;
  const constraints: HpptConstraint[] = [];
  checkers.forEach((checker, i) => {
    const c = constraintOf(checker, functions[i]!);
    if (c === 'untagged') untagged++;
    else constraints.push(c);
  });
  const messages = [{ role: 'user' as const, content: prompt }];
  // VerIF writes "NA" for every id; such ids are not keys.
  const key = id !== undefined && String(id) !== 'NA' ? String(id) : contentKey([prompt, checkers, functions]);
  return { item: { key, messages, constraints, origin }, untagged };
}
