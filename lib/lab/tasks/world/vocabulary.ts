import { createTokenizer, type Tokenizer } from '../../../model/tokenizer';
import { LAB_TOPICS, LEXICON } from '../../../verifiers/lab/lexicon';
import { WORLD_TYPES } from './constraint-types';
import { promptOf } from './instance';

/*
 * The world's word-level vocabulary: every word a prompt can hold (derived from the clauses themselves, so a new
 * clause cannot forget its words) and every word of the lexicon. Commas and quotes are byte tokens.
 */

function promptWords(): string[] {
  const words = new Set<string>();
  for (const topic of LAB_TOPICS) {
    for (const t of WORLD_TYPES) {
      const params = t.param === 'count' ? t.counts! : ['whale'];
      for (const p of params) promptOf({ topic, subject: 'whale', clauses: [{ type: t.name, param: p }] }).split(' ').forEach((w) => words.add(w));
    }
  }
  return [...words];
}

/** The world's words, prompt words first, each once. */
export function worldVocabulary(): string[] {
  return [...new Set([...promptWords(), ...LEXICON.map((e) => e.word)])];
}

/** The world's tokenizer. */
export function worldTokenizer(): Tokenizer {
  return createTokenizer(worldVocabulary());
}
