import { createTokenizer, type Tokenizer } from '../../../model/tokenizer';
import { shuffled, type Rng, createRng } from '../../../stats/rng';

/*
 * The first learning task's world, after the one that worked in docs/lab-world-findings.md: 8 topics × 15 topical words
 * and no filler, fixed-slot prompts (every prompt has the same template, so each instruction sits in the same
 * position after left padding), word counts 3–12. The failed world let the keyword go anywhere among 40 filler
 * words and the tiny model never learned to copy it.
 * Prompt: "write about <topic> in exactly <n> words all lowercase including the word <w>".
 * Capitalised topic words are in the vocabulary so the (imperfect) teacher can break the lowercase rule in one token.
 */

export const TOPICS: Readonly<Record<string, readonly string[]>> = {
  ocean: ['wave', 'salt', 'tide', 'shell', 'fish', 'coral', 'shore', 'boat', 'sand', 'deep', 'whale', 'reef', 'storm', 'foam', 'gull'],
  forest: ['tree', 'moss', 'fern', 'leaf', 'bark', 'root', 'owl', 'deer', 'pine', 'oak', 'trail', 'shade', 'branch', 'acorn', 'fox'],
  city: ['street', 'tower', 'bus', 'train', 'crowd', 'bridge', 'market', 'light', 'noise', 'park', 'cafe', 'alley', 'taxi', 'square', 'sign'],
  kitchen: ['bread', 'knife', 'oven', 'spoon', 'soup', 'pan', 'pepper', 'butter', 'garlic', 'onion', 'plate', 'flour', 'kettle', 'spice', 'lemon'],
  winter: ['snow', 'ice', 'frost', 'sled', 'scarf', 'cold', 'fire', 'wool', 'glove', 'sleet', 'chill', 'cocoa', 'skate', 'blanket', 'drift'],
  music: ['song', 'drum', 'piano', 'chord', 'rhythm', 'melody', 'guitar', 'violin', 'choir', 'tempo', 'note', 'bass', 'flute', 'verse', 'stage'],
  space: ['star', 'moon', 'orbit', 'comet', 'planet', 'rocket', 'galaxy', 'dust', 'void', 'nebula', 'sun', 'mars', 'crater', 'signal', 'probe'],
  garden: ['rose', 'soil', 'seed', 'bee', 'tulip', 'hose', 'weed', 'bloom', 'petal', 'worm', 'fence', 'basil', 'rake', 'sprout', 'daisy'],
};

export const WORD_COUNTS: readonly number[] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

const TEMPLATE = ['write', 'about', 'in', 'exactly', 'words', 'all', 'lowercase', 'including', 'the', 'word'] as const;

/** One instance of the task: its instruction parameters. */
export interface LabMeta {
  readonly topic: string;
  readonly numWords: number;
  readonly keyword: string;
}

/** The prompt text of an instance. @example promptText({topic: 'ocean', numWords: 7, keyword: 'coral'}) */
export function promptText(m: LabMeta): string {
  return `write about ${m.topic} in exactly ${m.numWords} words all lowercase including the word ${m.keyword}`;
}

const capitalise = (w: string): string => w[0]!.toUpperCase() + w.slice(1);

/** Every word the tokenizer knows (template, counts, topics, topic words and their capitalised forms). */
export function labVocabulary(): string[] {
  const topicWords = Object.values(TOPICS).flat();
  return [
    ...TEMPLATE,
    ...WORD_COUNTS.map(String),
    ...Object.keys(TOPICS),
    ...topicWords,
    ...topicWords.map(capitalise),
  ];
}

/** The lab tokenizer (word level; anything else falls back to bytes). */
export function labTokenizer(): Tokenizer {
  return createTokenizer(labVocabulary());
}

/** Every (topic, count, keyword) instance, in a fixed order: 8 × 10 × 15 = 1,200. */
export function allInstances(): LabMeta[] {
  return Object.entries(TOPICS).flatMap(([topic, words]) =>
    WORD_COUNTS.flatMap((numWords) => words.map((keyword) => ({ topic, numWords, keyword }))),
  );
}

export interface LabSplit {
  readonly train: readonly LabMeta[];
  readonly heldOut: readonly LabMeta[];
}

/** A seeded split of all instances into training and held-out prompts (held out are never trained on). */
export function splitInstances(heldOut: number, seed: number): LabSplit {
  const all = shuffled(allInstances(), createRng(seed));
  if (heldOut < 1 || heldOut >= all.length) {
    throw new Error(`splitInstances: heldOut=${heldOut} must be in [1, ${all.length - 1}]`);
  }
  return { heldOut: all.slice(0, heldOut), train: all.slice(heldOut) };
}

/** Token ids of an instance's prompt: bos + the words. */
export function promptIds(tok: Tokenizer, m: LabMeta): number[] {
  return [tok.bos, ...tok.encode(promptText(m))];
}

/** A uniform draw of `n` training instances. */
export function drawInstances(split: LabSplit, rng: Rng, n: number): LabMeta[] {
  return Array.from({ length: n }, () => split.train[rng.int(0, split.train.length - 1)]!);
}
