import type { PromptRow, ResponseRow } from '../data/benchmark';
import { checkWithin } from '../eval/bounded-score';
import { joinResponses } from '../eval/join';
import { checkStrict } from '../eval/score';
import { dropNulls } from '../verifiers/define';
import { getConstraint } from '../verifiers/registry';
import { DEFAULT_CHECK_TIMEOUT_MS } from '../verifiers/time-bound';
import type { JudgeConstraint, JudgeRequest } from './types';

// Reading the files is lib/data/benchmark's job (readPromptRows, readResponseRows); the join and the blank-response
// rule are the scorer's (lib/eval), so an audit sees the prompts and rule verdicts the scorer does.

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
/**
 * Joins responses to prompts as the scorer does (exact prompt, stripped prompt, then key: eval/join.ts) and builds
 * one judge request per prompt holding its hard constraints, each with its instruction text and its strict upstream
 * rule verdict (eval/score.ts checkStrict) as the truth. A rule check that overruns `checkTimeoutMs` (the server's
 * 2 s by default) is stopped and its constraint left out. An unknown instruction id throws, naming the nearest
 * registered ids.
 * @example buildAuditCases(readPromptRows(p), readResponseRows(r)).requests.length // 541
 */
export function buildAuditCases(prompts: readonly PromptRow[], responses: readonly ResponseRow[], opts: { checkTimeoutMs?: number } = {}): AuditCases {
  const budgetMs = opts.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const joined = joinResponses(prompts, responses).responses;
  const requests: JudgeRequest[] = [];
  const keys: string[] = [];
  const categories: string[][] = [];
  const missingResponses: string[] = [];
  const ruleTimeouts: string[] = [];
  let softSkipped = 0;
  for (const [p, row] of prompts.entries()) {
    const response = joined[p] ?? null;
    if (response === null) {
      missingResponses.push(String(row.key));
      continue;
    }
    const constraints: JudgeConstraint[] = [];
    const cats: string[] = [];
    row.instruction_id_list.forEach((id, i) => {
      const c = getConstraint(id);
      if (c.kind === 'soft') return void softSkipped++;
      const kwargs = dropNulls(row.kwargs[i]);
      const check = c.prepare(kwargs, 'upstream');
      const rule = checkWithin(budgetMs, () => checkStrict(check, response));
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
