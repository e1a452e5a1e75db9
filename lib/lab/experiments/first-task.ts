import { judgeClaim } from '../../stats/claims';
import { FIRST_TASK_FULL, FIRST_TASK_QUICK, FIRST_TASK_SMOKE } from '../configs/first-task';
import { FIRST_TASK } from '../tasks/first-task/task';
import { defineExperiment } from './define';
import { armTable, gain, seedValues, after, before } from './values';

/** The first learning task: a precise rule reward on three hard constraints in fixed slots. */
export const FIRST_TASK_EXPERIMENT = defineExperiment({
  name: 'first-task',
  description: 'GRPO with the all-pass rule reward on "write about <topic> in exactly N words all lowercase including the word <w>"',
  task: FIRST_TASK,
  base: { smoke: FIRST_TASK_SMOKE, quick: FIRST_TASK_QUICK, full: FIRST_TASK_FULL },
  arms: [{ name: 'rule-reward', description: 'the precise all-pass reward', config: (c) => c }],
  seeds: { smoke: [1], quick: [1], full: [1, 2, 3] },
  report: (r) => ({
    claims: [
      judgeClaim(
        { name: 'grpo-learns', statement: 'GRPO raises the held-out all-pass rate above the warm start', expect: 'positive' },
        seedValues(r, 'rule-reward', gain('passRate')),
      ),
    ],
    tables: [
      {
        name: 'held-out',
        description: 'Held-out rates before (warm start) and after GRPO, mean over seeds with 95% intervals.',
        rows: armTable(r, ['rule-reward'], {
          'pass before': before('passRate'),
          'pass after': after('passRate'),
          'length after': after('lengthRate'),
          'keyword after': after('keywordRate'),
          'lowercase after': after('lowercaseRate'),
          'words before': before('responseWords'),
          'words after': after('responseWords'),
        }),
      },
    ],
  }),
});
