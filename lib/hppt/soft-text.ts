/**
 * `soft:instruction`: a soft constraint given only as text (VerInstruct's `[llm]` checkers, ifkit rows'
 * `soft_constraints`). The registry has no such id yet, so exported labels name it and the reward server learns it
 * from the plugin `lib/hppt/serve-plugin.ts` (`ifkit serve --plugin lib/hppt/serve-plugin.ts --judge <spec>`);
 * the judge reads `kwargs.instruction` as the constraint.
 */
import { z } from 'zod';
import { defineConstraint, type Constraint } from '../verifiers/define';

export const SOFT_TEXT_ID = 'soft:instruction';

export const SOFT_TEXT_CONSTRAINT: Constraint = defineConstraint({
  id: SOFT_TEXT_ID,
  suites: ['lab'],
  category: 'soft',
  kind: 'soft',
  kwargs: z.object({ instruction: z.string().min(1) }).strict(),
  describe: (k) => k.instruction,
  // A judge decides; the rule path never passes silently: it says it cannot tell.
  check: () => 'unverifiable',
});
