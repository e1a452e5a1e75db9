/*
 * The words of the laboratory's world and their hidden attributes. A policy sees only the words (one token each);
 * the attributes are what the soft constraints' oracle knows and a judge must guess: sentiment (cheerful),
 * animal (mentions an animal), topic membership (stays on topic) and register (formal).
 *
 * Every topic has the same shape, so no topic is easier than another: six plain words, two animals, two positive,
 * two negative, one formal and one casual word. Eight general words belong to no topic; they are the "easy" way to
 * satisfy a soft constraint (happy is positive whatever the topic) and the cost of doing so when the prompt also
 * asks to stay on topic. Attributes are chosen so that a real LLM judge reading the words would agree with them.
 */

export type Sentiment = 'positive' | 'negative' | 'neutral';
export type Register = 'formal' | 'casual' | 'plain';

/** A word of the world and what the oracle knows about it. */
export interface LexiconWord {
  readonly word: string;
  /** The topic it belongs to; undefined for the general words. */
  readonly topic?: string;
  readonly sentiment: Sentiment;
  readonly animal: boolean;
  readonly register: Register;
}

interface TopicWords {
  readonly plain: readonly string[];
  readonly animals: readonly [string, string];
  readonly positive: readonly [string, string];
  readonly negative: readonly [string, string];
  readonly formal: string;
  readonly casual: string;
}

const TOPIC_WORDS: Readonly<Record<string, TopicWords>> = {
  ocean: { plain: ['wave', 'tide', 'shell', 'sand', 'reef', 'boat'], animals: ['whale', 'gull'], positive: ['sunny', 'calm'], negative: ['storm', 'wreck'], formal: 'maritime', casual: 'gnarly' },
  forest: { plain: ['tree', 'moss', 'fern', 'leaf', 'bark', 'trail'], animals: ['owl', 'deer'], positive: ['peaceful', 'sunlit'], negative: ['rotten', 'wildfire'], formal: 'woodland', casual: 'outdoorsy' },
  city: { plain: ['street', 'tower', 'bus', 'train', 'bridge', 'market'], animals: ['pigeon', 'squirrel'], positive: ['lively', 'charming'], negative: ['traffic', 'smog'], formal: 'municipal', casual: 'hip' },
  kitchen: { plain: ['bread', 'knife', 'oven', 'spoon', 'soup', 'pan'], animals: ['hen', 'lobster'], positive: ['tasty', 'fresh'], negative: ['burnt', 'stale'], formal: 'cuisine', casual: 'yummy' },
  winter: { plain: ['snow', 'ice', 'frost', 'sled', 'scarf', 'wool'], animals: ['penguin', 'reindeer'], positive: ['cozy', 'festive'], negative: ['freezing', 'blizzard'], formal: 'solstice', casual: 'comfy' },
  music: { plain: ['song', 'drum', 'piano', 'chord', 'rhythm', 'guitar'], animals: ['songbird', 'cricket'], positive: ['joyful', 'melodic'], negative: ['noisy', 'offkey'], formal: 'symphony', casual: 'groovy' },
  farm: { plain: ['barn', 'tractor', 'hay', 'field', 'fence', 'corn'], animals: ['cow', 'goat'], positive: ['golden', 'bountiful'], negative: ['drought', 'mud'], formal: 'agriculture', casual: 'folksy' },
  garden: { plain: ['rose', 'soil', 'seed', 'tulip', 'hose', 'petal'], animals: ['bee', 'worm'], positive: ['blooming', 'fragrant'], negative: ['weeds', 'wilted'], formal: 'horticulture', casual: 'veggie' },
};

const GENERAL: readonly Omit<LexiconWord, 'topic'>[] = [
  { word: 'happy', sentiment: 'positive', animal: false, register: 'plain' },
  { word: 'lovely', sentiment: 'positive', animal: false, register: 'plain' },
  { word: 'sad', sentiment: 'negative', animal: false, register: 'plain' },
  { word: 'awful', sentiment: 'negative', animal: false, register: 'plain' },
  { word: 'dog', sentiment: 'neutral', animal: true, register: 'plain' },
  { word: 'cat', sentiment: 'neutral', animal: true, register: 'plain' },
  { word: 'indeed', sentiment: 'neutral', animal: false, register: 'formal' },
  { word: 'awesome', sentiment: 'positive', animal: false, register: 'casual' },
];

/** The world's topics, in a fixed order. */
export const LAB_TOPICS: readonly string[] = Object.keys(TOPIC_WORDS);

function topicEntries(topic: string, t: TopicWords): LexiconWord[] {
  const w = (word: string, sentiment: Sentiment, animal: boolean, register: Register): LexiconWord => ({ word, topic, sentiment, animal, register });
  return [
    ...t.plain.map((x) => w(x, 'neutral', false, 'plain')),
    ...t.animals.map((x) => w(x, 'neutral', true, 'plain')),
    ...t.positive.map((x) => w(x, 'positive', false, 'plain')),
    ...t.negative.map((x) => w(x, 'negative', false, 'plain')),
    w(t.formal, 'neutral', false, 'formal'),
    w(t.casual, 'neutral', false, 'casual'),
  ];
}

/** Every response word of the world (topic words, then the general words), each listed once. */
export const LEXICON: readonly LexiconWord[] = [
  ...Object.entries(TOPIC_WORDS).flatMap(([topic, t]) => topicEntries(topic, t)),
  ...GENERAL,
];

const BY_WORD: ReadonlyMap<string, LexiconWord> = new Map(LEXICON.map((e) => [e.word, e]));

/** The oracle's entry for a word (case-insensitive); undefined for words outside the lexicon. */
export function lexiconEntry(word: string): LexiconWord | undefined {
  return BY_WORD.get(word.toLowerCase());
}

/** The words of one topic (14), in lexicon order. @example topicWords('ocean')[0] // 'wave' */
export function topicWords(topic: string): readonly string[] {
  const words = LEXICON.filter((e) => e.topic === topic).map((e) => e.word);
  if (words.length === 0) throw new Error(`lab lexicon: unknown topic ${JSON.stringify(topic)}; use one of ${LAB_TOPICS.join(', ')}`);
  return words;
}

/** The general words (no topic). */
export const GENERAL_WORDS: readonly string[] = GENERAL.map((e) => e.word);
