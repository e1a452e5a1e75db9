import { pick, shuffled, type Rng } from '../stats/rng';

/**
 * Everyday English nouns for synthesised keyword kwargs, shared by every suite (our own list; upstream draws from
 * its WORD_LIST in instructions_util.py, third-party data not reproduced here).
 * Plain lowercase letters only, so they are safe as the raw regular expressions upstream makes of keywords.
 */
export const KEYWORD_POOL: readonly string[] = [
  'apple', 'bridge', 'candle', 'garden', 'river', 'window', 'market', 'winter', 'engine', 'forest',
  'island', 'ladder', 'mirror', 'needle', 'orange', 'pencil', 'planet', 'rocket', 'saddle', 'silver',
  'tunnel', 'valley', 'wallet', 'anchor', 'basket', 'castle', 'desert', 'feather', 'harbor', 'jacket',
  'kitchen', 'lantern', 'meadow', 'notebook', 'ocean', 'pepper', 'quarry', 'ribbon', 'shadow', 'thunder',
  'violin', 'whistle', 'blanket', 'compass', 'dolphin', 'festival', 'glacier', 'horizon', 'journey', 'library',
  'machine', 'network', 'painting', 'recipe', 'science', 'teacher', 'theory', 'village', 'weather', 'breakfast',
];

/** `n` distinct keywords drawn from the pool. */
export function sampleKeywords(rng: Rng, n: number): string[] {
  return shuffled(KEYWORD_POOL, rng).slice(0, n);
}

/** One keyword drawn from the pool. */
export function sampleKeyword(rng: Rng): string {
  return pick(KEYWORD_POOL, rng);
}
