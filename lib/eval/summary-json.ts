import type { Accuracy, EvalSummary, GroupAccuracy } from './metrics';

function acc(a: Accuracy): Record<string, unknown> {
  return { followed: a.followed, total: a.total, accuracy: a.accuracy, ci95: [a.ci.lo, a.ci.hi] };
}

function groups(gs: readonly GroupAccuracy[]): Record<string, unknown> {
  return Object.fromEntries(gs.map((g) => [g.name, { count: g.strict.total, strict: acc(g.strict), loose: acc(g.loose) }]));
}

/** The `summary.json` the eval command writes: headline accuracies, per-id and per-category counts, intervals. */
export function summaryJson(s: EvalSummary, meta: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...meta,
    prompts: s.prompts,
    instructions: s.instructions,
    prompt_level_strict: acc(s.promptLevelStrict),
    instruction_level_strict: acc(s.instructionLevelStrict),
    prompt_level_loose: acc(s.promptLevelLoose),
    instruction_level_loose: acc(s.instructionLevelLoose),
    per_instruction_id: groups(s.perId),
    per_category: groups(s.perCategory),
    unverifiable: s.unverifiable,
    missing_responses: s.missingResponses,
  };
}
