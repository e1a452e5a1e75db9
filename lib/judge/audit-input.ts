import type { PromptRow, ResponseRow } from '../data/benchmark';
import { dropNulls } from '../verifiers/define';
import { pyStrip } from '../verifiers/nlp/pytext';
import { getConstraint } from '../verifiers/registry';
import { DEFAULT_CHECK_TIMEOUT_MS, runWithin } from '../verifiers/time-bound';
import type { JudgeConstraint, JudgeRequest } from './types';

// Reading the files is lib/data/benchmark's job (readPromptRows, readResponseRows); this file joins and labels.
export { readPromptRows, readResponseRows } from '../data/benchmark';

/** The judge requests of an audit, with the prompt key and category of each constraint alongside. */
export interface AuditCases {
  readonly requests: readonly JudgeRequest[];
  readonly keys: readonly string[];
  readonly categories: readonly (readonly string[])[];
  /** Prompts without a response (left out). */
  readonly missingResponses: readonly string[];
  /** Constraints left out because no rule can give their truth (soft constraints). */
  readonly softSkipped: number;
  /** Constraints left out because their rule check overran the time bound, as `key:id`. */
  readonly ruleTimeouts: readonly string[];
}

/**
 * Joins responses to prompts by exact prompt text (as the official scorer) and builds one judge request per prompt
 * holding its hard constraints, each with its instruction text and its strict upstream rule verdict as the truth
 * (a rule check that overruns `checkTimeoutMs`, the server's 2 s by default, is stopped and the constraint left out).
 * An unknown instruction id throws, naming the nearest registered ids.
 * @example buildAuditCases(readPromptRows(p), readResponseRows(r)).requests.length // 541
 */
export function buildAuditCases(prompts: readonly PromptRow[], responses: readonly ResponseRow[], opts: { checkTimeoutMs?: number } = {}): AuditCases {
  const budgetMs = opts.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const byPrompt = new Map(responses.map((r) => [r.prompt, r.response]));
  const requests: JudgeRequest[] = [];
  const keys: string[] = [];
  const categories: string[][] = [];
  const missingResponses: string[] = [];
  const ruleTimeouts: string[] = [];
  let softSkipped = 0;
  for (const row of prompts) {
    const response = byPrompt.get(row.prompt);
    if (response === undefined) {
      missingResponses.push(String(row.key));
      continue;
    }
    const constraints: JudgeConstraint[] = [];
    const cats: string[] = [];
    row.instruction_id_list.forEach((id, i) => {
      const c = getConstraint(id);
      if (c.kind === 'soft') return void softSkipped++;
      const kwargs = dropNulls(row.kwargs[i]);
      // Upstream scoring fails every instruction of an empty (after strip) response before any checker runs.
      const check = c.prepare(kwargs, 'upstream');
      const rule = pyStrip(response) === '' ? { done: true as const, value: false } : runWithin(budgetMs, () => check(response));
      // A check stopped at the server's time bound has no truth to audit against.
      if (!rule.done) return void ruleTimeouts.push(`${row.key}:${id}`);
      const ruleVerdict = rule.value;
      constraints.push({ id, instruction: c.describe(kwargs), kwargs, ruleVerdict });
      cats.push(c.category);
    });
    requests.push({ prompt: row.prompt, response, constraints });
    keys.push(String(row.key));
    categories.push(cats);
  }
  return { requests, keys, categories, missingResponses, softSkipped, ruleTimeouts };
}
