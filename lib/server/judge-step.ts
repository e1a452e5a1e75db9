/** Soft constraints: the worker leaves them open and the HTTP thread asks the configured judge. */
import type { Judge, JudgeVerdict } from '../judge/types';
import { HttpError } from './http-util';
import type { CheckedOutcome } from './item-result';

/**
 * The judge's verdicts by constraint index (empty when the job has no soft constraint). Without a judge a soft
 * constraint is a 400, never a silent pass; an unparseable judge reply counts as a fail, as in rewards elsewhere.
 */
export async function judgeSoft(outcome: CheckedOutcome, prompt: string, field: string, judge: Judge | undefined): Promise<Map<number, boolean>> {
  const judged = new Map<number, boolean>();
  if (outcome.soft.length === 0) return judged;
  if (!judge) {
    const ids = outcome.soft.map((s) => s.id).join(', ');
    throw new HttpError(400, field, `soft constraint ${ids} needs a judge; start the server with --judge <spec> (e.g. openai:<model>@<url>)`);
  }
  let verdicts: JudgeVerdict[];
  try {
    verdicts = await judge.judge({
      prompt,
      response: outcome.answer,
      // a simulated world's oracle verdict goes along for simulated judges (the OpenAI judge does not read it)
      constraints: outcome.soft.map((s) => ({ id: s.id, instruction: s.instruction, kwargs: s.kwargs, ...(s.truth === undefined ? {} : { ruleVerdict: s.truth }) })),
    });
  } catch (e) {
    throw new HttpError(502, field, `judge ${judge.name} failed: ${(e as Error).message}`);
  }
  outcome.soft.forEach((s, k) => judged.set(s.index, verdicts[k] === true));
  return judged;
}
