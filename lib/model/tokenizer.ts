import { z } from 'zod';

/*
 * Why a word-level vocabulary with a byte fallback: the lab's texts are made of a few hundred known words, so one
 * token per word keeps sequences short (a 12-word answer is ~13 tokens, not ~70 bytes) and makes "write the word W"
 * a single-token decision the tiny model can learn. Anything else (digits, punctuation, capitals, unknown or
 * non-ASCII words) is spelled as UTF-8 bytes, so every string round-trips exactly: decode(encode(s)) === s.
 *
 * Spaces: a single space between two vocabulary words is implicit (word, word decodes as "w1 w2"); every other
 * whitespace character is a byte token. Words only match whole runs of letters/digits, so "cats" is never split
 * into "cat" + "s".
 */

/** Maps text to token ids and back. */
export interface Tokenizer {
  readonly vocabSize: number;
  readonly pad: number;
  readonly bos: number;
  readonly eos: number;
  /** Token ids of `text`, without bos/eos. */
  encode(text: string): number[];
  /** Text of `ids`; special tokens (pad, bos, eos) decode to nothing. */
  decode(ids: readonly number[]): string;
  /** A short printable label of one token (for attention maps): the word, `<0x41>` for a byte, `<eos>`. */
  label(id: number): string;
  toJSON(): TokenizerJSON;
}

export interface TokenizerJSON {
  kind: 'word-byte';
  version: 1;
  words: string[];
}

const PAD = 0;
const BOS = 1;
const EOS = 2;
const BYTE0 = 3;
const WORD0 = BYTE0 + 256;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const WORD_RUN = /^[\p{L}\p{N}]+$/u;
const SPACE = 0x20;

/** A tokenizer over `words` (each a run of letters/digits, no duplicates). @example createTokenizer(['cat', 'dog']).encode('cat dog') */
export function createTokenizer(words: readonly string[]): Tokenizer {
  const index = new Map<string, number>();
  for (const w of words) {
    if (!WORD_RUN.test(w)) {
      throw new Error(`createTokenizer: word ${JSON.stringify(w)} must be letters/digits only (spell the rest with bytes)`);
    }
    if (index.has(w)) throw new Error(`createTokenizer: word ${JSON.stringify(w)} is listed twice; remove the duplicate`);
    index.set(w, WORD0 + index.size);
  }
  const vocab = words.slice();
  const isWord = (id: number | undefined): boolean => id !== undefined && id >= WORD0;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  function encode(text: string): number[] {
    const raw: number[] = [];
    const chars = Array.from(text);
    let i = 0;
    while (i < chars.length) {
      let j = i;
      while (j < chars.length && WORD_CHAR.test(chars[j]!)) j++;
      if (j === i) j = i + 1;
      const piece = chars.slice(i, j).join('');
      const id = index.get(piece);
      if (id !== undefined) raw.push(id);
      else for (const b of encoder.encode(piece)) raw.push(BYTE0 + b);
      i = j;
    }
    // drop the single space between two words: it is implied on decode
    const out: number[] = [];
    for (let k = 0; k < raw.length; k++) {
      const t = raw[k]!;
      if (t === BYTE0 + SPACE && isWord(out[out.length - 1]) && isWord(raw[k + 1])) continue;
      out.push(t);
    }
    return out;
  }

  function decode(ids: readonly number[]): string {
    let text = '';
    let bytes: number[] = [];
    let prevWord = false;
    const flush = (): void => {
      if (bytes.length > 0) text += decoder.decode(new Uint8Array(bytes));
      bytes = [];
    };
    for (const id of ids) {
      if (id >= WORD0 && id - WORD0 < vocab.length) {
        flush();
        text += (prevWord ? ' ' : '') + vocab[id - WORD0]!;
        prevWord = true;
      } else if (id >= BYTE0 && id < WORD0) {
        bytes.push(id - BYTE0);
        prevWord = false;
      } else if (id !== PAD && id !== BOS && id !== EOS) {
        throw new Error(`tokenizer.decode: id ${id} is outside the vocabulary [0, ${WORD0 + vocab.length})`);
      }
    }
    flush();
    return text;
  }

  function label(id: number): string {
    if (id === PAD) return '<pad>';
    if (id === BOS) return '<bos>';
    if (id === EOS) return '<eos>';
    if (id >= BYTE0 && id < WORD0) {
      const b = id - BYTE0;
      return b >= 0x21 && b < 0x7f ? String.fromCharCode(b) : `<0x${b.toString(16).padStart(2, '0')}>`;
    }
    const w = vocab[id - WORD0];
    if (w === undefined) throw new Error(`tokenizer.label: id ${id} is outside the vocabulary [0, ${WORD0 + vocab.length})`);
    return w;
  }

  return {
    vocabSize: WORD0 + vocab.length,
    pad: PAD,
    bos: BOS,
    eos: EOS,
    encode,
    decode,
    label,
    toJSON: () => ({ kind: 'word-byte', version: 1, words: vocab.slice() }),
  };
}

const tokenizerJsonSchema = z.object({
  kind: z.literal('word-byte'),
  version: z.literal(1),
  words: z.array(z.string()),
});

/** Rebuild a tokenizer from `tokenizer.toJSON()` (validated: it usually comes from a file). */
export function tokenizerFromJSON(raw: unknown): Tokenizer {
  const parsed = tokenizerJsonSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`tokenizerFromJSON: not a word-byte tokenizer (${parsed.error.message}); was it written by tokenizer.toJSON()?`);
  }
  return createTokenizer(parsed.data.words);
}
