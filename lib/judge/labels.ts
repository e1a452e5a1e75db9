import { z } from 'zod';
import type { PromptRow, ResponseRow } from '../data/benchmark';
import { categoryOf } from '../data/benchmark';
import { readJsonlSync } from '../data/jsonl';
import { joinResponses } from '../eval/join';
import { dropNulls } from '../verifiers/define';
import { REGISTRY } from '../verifiers/registry';
import type { AuditCases } from './audit-input';
import type { JudgeConstraint, JudgeRequest } from './types';

const labelRow = z.object({
  key: z.union([z.number(), z.string()]),
  instruction_index: z.number().int().nonnegative(),
  /** Checked against the prompt file, so a label cannot silently land on the wrong constraint. */
  instruction_id: z.string(),
  followed: z.boolean(),
  /** The instruction text for a judge, needed for ids no suite registers (e.g. soft constraints). */
  instruction: z.string().optional(),
});

/** One human label: does the response to prompt `key` follow its `instruction_index`-th constraint? */
export type TruthLabel = z.infer<typeof labelRow>;

/** Reads a label file: one `{key, instruction_index, instruction_id, followed, instruction?}` per line. */
export function readTruthLabels(file: string): TruthLabel[] {
  return readJsonlSync(file, (value) => {
    const r = labelRow.safeParse(value);
    if (r.success) return r.data as TruthLabel;
    const issue = r.error.issues[0]!;
    throw new Error(`label field "${issue.path.join('.') || '(row)'}": ${issue.message}; expected {key, instruction_index, instruction_id, followed}`);
  }).map((r) => r.value);
}

/**
 * Audit cases whose truth is a label file (e.g. expert labels, soft constraints included) instead of the rules:
 * only labelled constraints are judged. A label naming a prompt, index or id the prompts file does not have throws.
 * @example labelledAuditCases(readPromptRows(p), readResponseRows(r), readTruthLabels('labels.jsonl'))
 */
export function labelledAuditCases(prompts: readonly PromptRow[], responses: readonly ResponseRow[], labels: readonly TruthLabel[]): AuditCases {
  const byKey = new Map(prompts.map((p) => [String(p.key), p]));
  // The scorer's join (eval/join.ts), so labelled and rule-truth audits see the same responses.
  const joined = joinResponses(prompts, responses).responses;
  const responseOf = new Map(prompts.map((p, i) => [String(p.key), joined[i] ?? null]));
  const grouped = new Map<string, TruthLabel[]>();
  for (const l of labels) {
    const row = byKey.get(String(l.key));
    if (!row) throw new Error(`label for key ${l.key}: no prompt with that key in the prompts file`);
    const id = row.instruction_id_list[l.instruction_index];
    if (id !== l.instruction_id) {
      throw new Error(`label for key ${l.key}, instruction ${l.instruction_index}: says ${l.instruction_id} but the prompt has ${id ?? 'no such instruction'}`);
    }
    grouped.set(String(l.key), [...(grouped.get(String(l.key)) ?? []), l]);
  }
  const requests: JudgeRequest[] = [];
  const keys: string[] = [];
  const categories: string[][] = [];
  const missingResponses: string[] = [];
  for (const [key, ls] of grouped) {
    const row = byKey.get(key)!;
    const response = responseOf.get(key) ?? null;
    if (response === null) {
      missingResponses.push(key);
      continue;
    }
    const sorted = [...ls].sort((a, b) => a.instruction_index - b.instruction_index);
    const constraints: JudgeConstraint[] = sorted.map((l) => {
      const kwargs = dropNulls(row.kwargs[l.instruction_index]);
      const registered = REGISTRY.get(l.instruction_id);
      const instruction = l.instruction ?? registered?.describe(kwargs);
      if (instruction === undefined) {
        throw new Error(`label for key ${key}, ${l.instruction_id}: no suite registers this id, so the label must carry its "instruction" text`);
      }
      return { id: l.instruction_id, instruction, kwargs, ruleVerdict: l.followed };
    });
    requests.push({ prompt: row.prompt, response, constraints });
    keys.push(key);
    categories.push(sorted.map((l) => REGISTRY.get(l.instruction_id)?.category ?? categoryOf(l.instruction_id)));
  }
  return { requests, keys, categories, missingResponses, softSkipped: 0, ruleTimeouts: [] };
}
