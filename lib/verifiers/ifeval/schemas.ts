import { hardConstraint, type Constraint, type HardConstraintSpec } from '../define';
import { textSchema } from '../kwargs';
import { kwargPatternProblem } from './kwarg-regex';

/*
 * What IFEval's kwargs have that the other suites' do not: patterns used as raw regular expressions. The shared
 * schemas (relations, counts, texts, no kwargs) are in ../kwargs.ts.
 */

/** A kwarg that upstream uses as a raw regular expression: non-empty and inside the safe subset (kwarg-regex.ts). */
export const patternSchema = textSchema.superRefine((s, ctx) => {
  const problem = kwargPatternProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: `pattern ${JSON.stringify(s)} ${problem}` });
});

/** Registers an IFEval id: hard, category from the id prefix, shared by the IFEval and IFTrain suites. */
export function ifevalConstraint<K>(spec: HardConstraintSpec<K>): Constraint {
  return hardConstraint<K>(['ifeval', 'iftrain'], spec);
}
