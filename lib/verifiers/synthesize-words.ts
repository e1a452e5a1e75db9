import type { Rng } from '../stats/rng';
import { shuffled } from '../stats/rng';

/**
 * Keywords for synthesised constraints. Upstream draws from its own WORD_LIST (instructions_util.py), which is
 * third-party data and not reproduced here; this is ifkit's own list of plain, regex-safe English words.
 */
export const SYNTH_KEYWORDS: readonly string[] = [
  'river', 'garden', 'window', 'planet', 'signal', 'harbor', 'lantern', 'meadow', 'engine', 'pencil',
  'castle', 'forest', 'bridge', 'mirror', 'market', 'island', 'thunder', 'blanket', 'compass', 'orchard',
  'violin', 'library', 'candle', 'desert', 'rocket', 'canvas', 'ladder', 'marble', 'tunnel', 'voyage',
  'bakery', 'comet', 'glacier', 'hammer', 'jacket', 'kettle', 'lemon', 'magnet', 'needle', 'oyster',
  'pepper', 'quarry', 'saddle', 'ticket', 'umbrella', 'valley', 'walnut', 'yellow', 'zebra', 'anchor',
  'balcony', 'cabinet', 'dolphin', 'elbow', 'falcon', 'gravel', 'helmet', 'insect', 'jungle', 'kitten',
  'lobster', 'monkey', 'napkin', 'object', 'parrot', 'rabbit', 'salmon', 'tomato', 'unicorn', 'velvet',
  'wizard', 'basket', 'cotton', 'dragon', 'feather', 'guitar', 'honey', 'iron', 'jewel', 'kingdom',
];

/** `k` distinct keywords (upstream's `generate_keywords`, on ifkit's list). */
export function sampleKeywords(rng: Rng, k: number): string[] {
  return shuffled(SYNTH_KEYWORDS, rng).slice(0, k);
}
