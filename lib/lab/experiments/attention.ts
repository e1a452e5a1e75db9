import type { MetricKey } from '../../analysis/aggregate';
import { judgeClaim } from '../../stats/claims';
import { attentionFigures } from '../figures/attention';
import { WORLD_FULL, WORLD_QUICK, WORLD_SMOKE } from '../configs/world';
import { ATTENTION_BASE, type AttentionConfig } from '../tasks/attention/config';
import { ATTENTION_TASK } from '../tasks/attention/task';
import type { WorldConfig } from '../tasks/world/config';
import { defineExperiment, type ArmSpec, type Size } from './define';
import { armTable, pairedClaim, seedValues } from './values';
import { lookPredicts, meanMetric } from './attention-values';
import { dataJudgeArm } from './world-arms';

/*
 * Where the policy looks (2601.04954 reads its mechanism from attention, and says it has only qualitative evidence):
 * the warm start and four policies of the reward-mix experiment (hard-only; mixed with the oracle judge; mixed and
 * soft-only with the paper's noisy judge), each answering the same held-out mixed prompts. Measured per prompt with
 * sinks dropped: attention mass of response positions on the query and on the constraints, and the entropy of
 * attention within the constraint span (lower: sparser). The paper's observation — precise reward gives sparse
 * attention on constraints and more on the query — becomes claims with intervals over seeds; and whether attention
 * on a constraint's span predicts that the response satisfies it.
 */

const SOURCE = 'reward-mix';
const WORLD: Record<Size, WorldConfig> = { smoke: WORLD_SMOKE, quick: WORLD_QUICK, full: WORLD_FULL };
const PROMPTS: Record<Size, number> = { smoke: 8, quick: 48, full: 96 };

/** The reward-mix arms read, by the name this experiment gives them. */
const SOURCES: readonly { name: string; arm: readonly [string, string] | null; description: string }[] = [
  { name: 'warm-start', arm: null, description: 'the warm start every arm began from' },
  { name: 'hard-only', arm: ['hard-only', 'oracle'], description: 'trained on hard constraints only (precise reward)' },
  { name: 'mixed-oracle', arm: ['mixed-22', 'oracle'], description: 'trained on mixed prompts with the oracle judge (precise reward)' },
  { name: 'mixed-noisy', arm: ['mixed-22', 'noisy'], description: "trained on mixed prompts with the paper's noisy judge" },
  { name: 'soft-noisy', arm: ['soft-only', 'noisy'], description: "trained on soft constraints only with the paper's noisy judge" },
];

const arm = (s: (typeof SOURCES)[number]): ArmSpec<AttentionConfig> => ({
  name: s.name,
  description: s.description,
  config: (c) => {
    const world = s.arm ? dataJudgeArm(s.arm[0], s.arm[1]).config(c.source.world) : c.source.world;
    return { ...c, source: { experiment: SOURCE, arm: s.arm ? `${s.arm[0]}.${s.arm[1]}` : null, world } };
  },
});

const base = (size: Size): AttentionConfig => ({ ...ATTENTION_BASE, prompts: PROMPTS[size], source: { experiment: SOURCE, arm: null, world: WORLD[size] } });

const QUERY_MASS: MetricKey = { metric: 'mass', span: 'query' };
const CONSTRAINT_MASS: MetricKey = { metric: 'mass', span: 'constraint' };
const CONSTRAINT_ENTROPY: MetricKey = { metric: 'entropy', span: 'constraint' };

export const ATTENTION = defineExperiment({
  name: 'attention',
  description: "where reward-mix's policies look on held-out mixed prompts: attention on the query and the constraints, before and after training",
  task: ATTENTION_TASK,
  base: { smoke: base('smoke'), quick: base('quick'), full: base('full') },
  arms: SOURCES.map(arm),
  seeds: { smoke: [1], quick: [1], full: [1, 2, 3] },
  after: (a) => {
    const s = SOURCES.find((x) => x.name === a);
    return s?.arm ? [{ experiment: SOURCE, arm: `${s.arm[0]}.${s.arm[1]}` }] : [];
  },
  figures: (r) => attentionFigures(r, SOURCES.map((s) => s.name), 'hard-only'),
  report: (r) => ({
    claims: [
      pairedClaim({ name: 'precise-looks-at-query', statement: 'hard-only − warm start: attention mass of the response on the query', expect: 'positive' }, r, 'hard-only', 'warm-start', meanMetric(QUERY_MASS)),
      pairedClaim({ name: 'precise-sparser-on-constraints', statement: 'hard-only − warm start: entropy of attention within the constraint span (sparser is lower)', expect: 'negative' }, r, 'hard-only', 'warm-start', meanMetric(CONSTRAINT_ENTROPY)),
      pairedClaim({ name: 'precise-vs-noisy-query', statement: 'hard-only − mixed with the noisy judge: attention mass on the query', expect: 'positive' }, r, 'hard-only', 'mixed-noisy', meanMetric(QUERY_MASS)),
      pairedClaim({ name: 'precise-vs-noisy-sparsity', statement: 'hard-only − mixed with the noisy judge: entropy within the constraint span', expect: 'negative' }, r, 'hard-only', 'mixed-noisy', meanMetric(CONSTRAINT_ENTROPY)),
      judgeClaim({ name: 'look-predicts-follow', statement: "hard-only: correlation between the attention on a constraint's span and satisfying it", expect: 'positive' }, seedValues(r, 'hard-only', lookPredicts)),
    ],
    tables: [
      {
        name: 'arms',
        description: 'Per policy, mean over seeds [95% interval] of the per-prompt means: attention mass on the query and on all constraints, entropy within the constraint span, and the correlation of a constraint\'s attention with satisfying it.',
        rows: armTable(r, SOURCES.map((s) => s.name), {
          'query mass': meanMetric(QUERY_MASS),
          'constraint mass': meanMetric(CONSTRAINT_MASS),
          'constraint entropy': meanMetric(CONSTRAINT_ENTROPY),
          'look–follow correlation': lookPredicts,
        }),
      },
    ],
  }),
});
