import { join } from 'node:path';
import { projectRoot } from '../data/paths';
import type { Size } from './experiments/define';

/*
 * Where runs land by default: full-size runs in runs/<experiment>/<arm>/seed-<s>/ (what `make reproduce` fills),
 * quick and smoke runs under runs/quick/ and runs/smoke/, and one warm-start cache for every size in runs/sft-cache/
 * (the sizes share warm starts, so a quick tour after a full sweep trains nothing but GRPO).
 */

/** The default root of runs of a size. */
export function defaultRunsRoot(size: Size): string {
  return size === 'full' ? join(projectRoot(), 'runs') : join(projectRoot(), 'runs', size);
}

/** The default warm-start cache. */
export function defaultSftCache(): string {
  return join(projectRoot(), 'runs', 'sft-cache');
}
