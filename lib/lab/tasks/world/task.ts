import { warmStart, warmStartKey } from '../../warm-start';
import type { LabTask } from '../task';
import { parseWorldConfig, WORLD_BASE, type WorldConfig } from './config';
import { WORLD_TYPES } from './constraint-types';
import { runWorld, worldWarmStart } from './run';
import { worldTokenizer } from './vocabulary';

/** The world of hard and soft constraints as a lab task. */
export const WORLD_TASK: LabTask<WorldConfig> = {
  name: 'world',
  description: 'prompts of 1–6 hard (rule-checked) and soft (judge-scored, oracle-true) constraints about one of 8 topics',
  types: WORLD_TYPES.map((t) => ({ name: t.name, kind: t.kind, id: t.id })),
  parseConfig: (raw) => parseWorldConfig(raw, WORLD_BASE),
  steps: (c) => ({ sft: c.sft.steps, grpo: c.grpo.steps }),
  warmStartKey: (c) => warmStartKey(worldWarmStart(c, worldTokenizer()), worldTokenizer()),
  prepareWarmStart: async (c, opts) => {
    const tok = worldTokenizer();
    const ws = await warmStart(worldWarmStart(c, tok), tok, { cacheDir: opts.sftCacheDir, onStep: opts.hooks?.onSftStep, onWait: opts.hooks?.onWait });
    opts.hooks?.onWarmStart?.({ cached: ws.cached, ...(ws.dir ? { dir: ws.dir } : {}) });
    ws.policy.dispose();
  },
  run: async (c, outDir, opts) => {
    const { policy } = await runWorld(c, outDir, opts);
    policy.dispose();
  },
};
