import { z } from 'zod';
import { parseConfigOver } from '../../../data/parse-config';
import { parseWorldConfig, WORLD_BASE, type WorldConfig } from '../world/config';

/*
 * An attention analysis job: which policy of a world experiment to read, on which held-out prompts. Nothing is
 * trained. The source is an arm of an experiment under the same runs root (its run of this job's seed:
 * `<root>/<experiment>/<arm>/seed-<seed>`), or no arm for the warm start the arms began from; the source's config
 * (without its seed) is recorded, so config.json says exactly which policy was read.
 */

const shape = z
  .object({
    task: z.literal('attention'),
    seed: z.number().int(),
    source: z
      .object({
        experiment: z.string().min(1),
        /** The arm whose trained policy is read; null: the warm start of `world`. */
        arm: z.string().min(1).nullable(),
        /** The source arm's world config; the job's seed is its seed. */
        world: z.custom<WorldConfig>((v) => typeof v === 'object' && v !== null),
      })
      .strict(),
    /** The source's held-out evaluation set whose first `prompts` prompts are read. */
    set: z.string().min(1),
    prompts: z.number().int().positive(),
    /** Sampling seed of the responses (T = 1). */
    evalSeed: z.number().int(),
    sink: z.enum(['drop', 'keep']),
    /** Also write every prompt's maps in the attention-maps file format (docs/attention-maps-format.md). */
    writeMaps: z.boolean(),
  })
  .strict();

export type AttentionConfig = z.infer<typeof shape>;

export const ATTENTION_BASE: AttentionConfig = {
  task: 'attention',
  seed: 1,
  source: { experiment: 'reward-mix', arm: null, world: WORLD_BASE },
  set: 'mixed',
  prompts: 96,
  evalSeed: 2026,
  sink: 'drop',
  writeMaps: true,
};

/** An attention config from partial JSON over `base` (the source's world config validated as such). */
export function parseAttentionConfig(raw: unknown, base: AttentionConfig = ATTENTION_BASE): AttentionConfig {
  const c = parseConfigOver('attention config', shape, base, raw, ['source'], 'see ATTENTION_BASE');
  return { ...c, source: { ...c.source, world: parseWorldConfig(c.source.world) } };
}

/** The source's world config with the job's seed (what the source run trained with). */
export function seededSource(c: AttentionConfig): WorldConfig {
  return { ...c.source.world, seed: c.seed, grpo: { ...c.source.world.grpo, seed: c.seed } };
}

/** The source run's directory under the runs root. */
export function sourceRun(c: AttentionConfig): string | undefined {
  return c.source.arm === null ? undefined : `${c.source.experiment}/${c.source.arm}/seed-${c.seed}`;
}
