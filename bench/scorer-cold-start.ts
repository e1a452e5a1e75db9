/**
 * Cold start of the NLP models the checkers load lazily: the first call to each, then a second call on the same
 * input, in this process. Run it before anything else touches the models, or the first calls are warm.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataPath } from '../lib/data/paths';
import { isEmoji } from '../lib/verifiers/nlp/emoji';
import { buildProfileModel } from '../lib/verifiers/nlp/langdetect/profiles';
import { parseProfile } from '../lib/verifiers/nlp/langdetect/profile-json';
import { detectLanguage } from '../lib/verifiers/nlp/langdetect/index';
import { englishStopwords, posTag, sentTokenize, splitIntoSentences, wordTokenize } from '../lib/verifiers/nlp/nltk';
import { countSyllables } from '../lib/verifiers/nlp/syllables';

export interface ColdStartRow {
  readonly model: string;
  readonly firstWallMs: number;
  readonly firstCpuMs: number;
  readonly secondWallMs: number;
}

function timeCall(fn: () => unknown): { wallMs: number; cpuMs: number } {
  const c = process.cpuUsage();
  const s = performance.now();
  fn();
  const wallMs = performance.now() - s;
  const used = process.cpuUsage(c);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

// In the order the scorer meets them; word_tokenize comes after punkt so its row is the Treebank tokenizer alone.
const MODELS: ReadonlyArray<[string, () => unknown]> = [
  ['punkt (sent_tokenize: punkt_tab parameters, from the .cache/ binary)', () => sentTokenize('Mr. Smith left. He was tired.')],
  ['treebank (word_tokenize, punkt already loaded)', () => wordTokenize("Don't stop. It's late.")],
  ['perceptron tagger (pos_tag: from the .cache/ binary)', () => posTag(['The', 'cat', 'sat', 'quietly', '.'])],
  ['langdetect (55 profiles, from the .cache/ binary)', () => detectLanguage('The weather is pleasant today and the sea is calm.')],
  ['stopwords (nltk english)', () => englishStopwords().has('the')],
  ['syllapy word list', () => countSyllables('banana')],
  ['emoji 2.2.0 list', () => isEmoji('😀')],
  ['IFEval regex sentence splitter', () => splitIntoSentences('Hello Mr. Bond. Bye!')],
];

/** First and second call to each lazily loaded model, in this (so far cold) process. */
export function measureColdStart(): ColdStartRow[] {
  return MODELS.map(([model, fn]) => {
    const first = timeCall(fn);
    const second = timeCall(fn);
    return { model, firstWallMs: first.wallMs, firstCpuMs: first.cpuMs, secondWallMs: second.wallMs };
  });
}

/** What the langdetect disk cache saves: building the model from the 55 JSON profiles (not kept). */
export function measureProfileBuild(): { wallMs: number; cpuMs: number } {
  const dir = dataPath('langdetect/profiles');
  const files = readdirSync(dir).filter((f) => !f.startsWith('.'));
  return timeCall(() => buildProfileModel(files.map((f) => parseProfile(readFileSync(join(dir, f), 'utf8'), join(dir, f)))));
}

/** The rows as aligned text lines. */
export function formatColdStart(rows: readonly ColdStartRow[]): string[] {
  const head = 'model (first call in a fresh process)'.padEnd(58) + 'first wall'.padStart(11) + 'first CPU'.padStart(11) + 'second wall'.padStart(13);
  const lines = rows.map((r) => r.model.padEnd(58) + `${r.firstWallMs.toFixed(1)} ms`.padStart(11) + `${r.firstCpuMs.toFixed(1)} ms`.padStart(11) + `${r.secondWallMs.toFixed(2)} ms`.padStart(13));
  const sum = (k: 'firstWallMs' | 'firstCpuMs'): string => `${rows.reduce((a, r) => a + r[k], 0).toFixed(1)} ms`;
  return [head, ...lines, 'total'.padEnd(58) + sum('firstWallMs').padStart(11) + sum('firstCpuMs').padStart(11)];
}
