import { auditJudge, type AuditReport } from '../../../judge/audit-ci';
import { createRng } from '../../../stats/rng';
import { WORLD_BASE } from './config';
import { drawDataset, type DatasetSpec } from './dataset';
import { constraintsOf, promptOf } from './instance';
import { createWorldJudge } from './judge';
import { scoreResponses } from './reward';
import { auditRows } from './run';
import { teacherResponse } from './teacher';

/*
 * A judge audit before any training: the world's judges on teacher responses to held-out prompts with soft
 * constraints (the teacher violates about one soft constraint in eight), with the oracle's verdicts as truth and
 * the judge-audit code's bootstrap intervals over prompts. What a run measures on its own responses at the end,
 * here measured up front for every judge on the same responses.
 */

const SOFT_PROMPTS: DatasetSpec = { kinds: { 'hard-only': 0, 'soft-only': 1, mixed: 1 }, constraints: { min: 2, max: 4 }, types: 'all', unsatisfiable: 0 };

/**
 * Audit each judge spec on the same teacher responses.
 * @example await auditWorldJudges(['oracle', 'sim:lenient'], { prompts: 600, seed: 1 })
 */
export async function auditWorldJudges(specs: readonly string[], o: { prompts: number; seed: number }): Promise<{ judge: string; report: AuditReport }[]> {
  const prompts = drawDataset(SOFT_PROMPTS, o.prompts, createRng(o.seed), 'eval');
  const rng = createRng(o.seed + 1);
  const inputs = prompts.map((inst) => ({ prompt: promptOf(inst), response: teacherResponse(inst, rng), constraints: constraintsOf(inst) }));
  const train = drawDataset(SOFT_PROMPTS, 400, createRng(o.seed + 2), 'train');
  const out = [];
  for (const spec of specs) {
    const judge = createWorldJudge(spec, { train, teacher: WORLD_BASE.teacher, learnedExamples: WORLD_BASE.reward.learnedExamples, seed: o.seed });
    const scored = await scoreResponses(inputs, { judge, aggregate: 'all', falseAccept: 0, seed: o.seed });
    const rows = auditRows(inputs.map((x, k) => ({ ...x, set: 'audit', scored: scored[k]! })));
    out.push({ judge: spec, report: auditJudge(rows, { seed: o.seed, resamples: 400 }) });
  }
  return out;
}
