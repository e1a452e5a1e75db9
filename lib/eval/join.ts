import type { PromptRow, ResponseRow } from '../data/benchmark';
import { pyStrip } from '../verifiers/nlp/pytext';

/*
 * The one join of responses to prompts: the scorer (evaluate.ts) and the judge audit (judge/audit-input.ts,
 * judge/labels.ts) both use it, so an audit sees exactly the prompts the scorer scores.
 */

/** How each prompt found its response. */
export type JoinedBy = 'prompt' | 'stripped_prompt' | 'key' | 'missing';

export interface Joined {
  /** The response per prompt, in prompt order; null when none matched. */
  readonly responses: ReadonlyArray<string | null>;
  readonly joinedBy: readonly JoinedBy[];
  /** Keys of prompts without a response (scored all-false, kept in the denominators). */
  readonly missing: ReadonlyArray<number | string>;
}

/**
 * Joins responses to prompts by exact prompt text (upstream), then by stripped text (IFBench's
 * get_response_for_prompt), then by key. A later response row with the same prompt text wins, as upstream's dict does.
 * @example joinResponses(prompts, responses).missing // [2785] with input_data.jsonl and the GPT-4 file minus keys
 */
export function joinResponses(prompts: readonly Pick<PromptRow, 'key' | 'prompt'>[], responses: readonly ResponseRow[]): Joined {
  const byPrompt = new Map<string, string>();
  const byStripped = new Map<string, string>();
  const byKey = new Map<string, string>();
  for (const r of responses) {
    byPrompt.set(r.prompt, r.response);
    byStripped.set(pyStrip(r.prompt), r.response);
    if (r.key !== undefined) byKey.set(String(r.key), r.response);
  }
  const joinedBy: JoinedBy[] = [];
  const missing: Array<number | string> = [];
  const out = prompts.map((p) => {
    const exact = byPrompt.get(p.prompt);
    if (exact !== undefined) return joinedBy.push('prompt'), exact;
    const stripped = byStripped.get(pyStrip(p.prompt));
    if (stripped !== undefined) return joinedBy.push('stripped_prompt'), stripped;
    const keyed = byKey.get(String(p.key));
    if (keyed !== undefined) return joinedBy.push('key'), keyed;
    joinedBy.push('missing');
    missing.push(p.key);
    return null;
  });
  return { responses: out, joinedBy, missing };
}
