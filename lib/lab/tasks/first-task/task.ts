import { warmStart, warmStartKey } from '../../warm-start';
import type { LabTask } from '../task';
import { LAB_DEFAULTS, parseLabConfig, type LabConfig } from './config';
import { firstTaskWarmStart, runLab } from './run';
import { labTokenizer, splitInstances } from './world';

/** The first learning task ("write about <topic> in exactly N words all lowercase including the word <w>") as a lab task. */
export const FIRST_TASK: LabTask<LabConfig> = {
  name: 'first-task',
  description: 'three hard constraints in fixed slots: exact word count, one keyword, all lowercase (rule reward only)',
  types: [
    { name: 'length', kind: 'hard', id: 'length_constraints:number_words (at least N and less than N + 1)' },
    { name: 'keyword', kind: 'hard', id: 'keywords:existence' },
    { name: 'lowercase', kind: 'hard', id: 'islower(), as change_case:english_lowercase without langdetect (see checks.ts)' },
  ],
  parseConfig: (raw) => parseLabConfig(raw, LAB_DEFAULTS),
  steps: (c) => ({ sft: c.sft.steps, grpo: c.grpo.steps }),
  warmStartKey: (c) => warmStartKey(firstTaskWarmStart(c, labTokenizer(), splitInstances(c.heldOut, c.seed)), labTokenizer()),
  prepareWarmStart: async (c, opts) => {
    const tok = labTokenizer();
    const ws = await warmStart(firstTaskWarmStart(c, tok, splitInstances(c.heldOut, c.seed)), tok, { cacheDir: opts.sftCacheDir, onStep: opts.hooks?.onSftStep, onWait: opts.hooks?.onWait });
    opts.hooks?.onWarmStart?.({ cached: ws.cached, ...(ws.dir ? { dir: ws.dir } : {}) });
    ws.policy.dispose();
  },
  run: async (c, outDir, opts) => {
    const h = opts.hooks ?? {};
    const { policy } = await runLab(c, outDir, {
      ...(opts.sftCacheDir ? { sftCacheDir: opts.sftCacheDir } : {}),
      ...(opts.stopAfter !== undefined ? { stopAfter: opts.stopAfter } : {}),
      hooks: {
        ...(h.onSftStep ? { onSftStep: h.onSftStep } : {}),
        ...(h.onWarmStart ? { onWarmStart: h.onWarmStart } : {}),
        ...(h.onWait ? { onWait: h.onWait } : {}),
        ...(h.onStep ? { onStep: h.onStep } : {}),
        ...(h.onEval ? { onEval: (step, e) => h.onEval!(step, { ...e }) } : {}),
      },
    });
    policy.dispose();
  },
};
