/**
 * The fuzz suite's named sizes: a CI pass that stays within a few seconds of CPU per id group, and the benchmark's
 * passes (bench/fuzz-checkers.ts) that add up to more than a million checks. Targets from issue 16: every check at
 * most 100 ms on 200 KB, and linear growth beyond (time × 4 when the text grows × 4).
 */
import type { FuzzOptions } from './run';

type Sizes = Pick<FuzzOptions, 'lengths' | 'seeds' | 'kwargDraws'>;

/** vitest: every family at 20k characters. */
export const FUZZ_CI: Sizes = { lengths: [20_000], seeds: 1, kwargDraws: 2 };

/** bench: many small and medium texts (the million checks), then every family at 200 KB. */
export const FUZZ_BENCH: { readonly many: Sizes; readonly large: Sizes } = {
  many: { lengths: [64, 512, 4096], seeds: 21, kwargDraws: 2 },
  large: { lengths: [200_000], seeds: 1, kwargDraws: 2 },
};

/** The per-check target on 200 KB, in ms of CPU. */
export const TARGET_MS_AT_200KB = 100;
