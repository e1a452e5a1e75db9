import { readFileSync } from 'node:fs';
import { dataPath } from '../../data/paths';

/**
 * The averaged perceptron tagger model of NLTK, read from an nltk_data
 * `taggers/averaged_perceptron_tagger_eng/` folder (NLTK 3.9 JSON files; same values as the 3.8 pickle).
 */
export interface PerceptronModel {
  /** Tag names; `weights` refer to them by index. */
  readonly classes: readonly string[];
  /** Feature → (class indices, weights), both in the order of the JSON file (Python's summation order). */
  readonly weights: ReadonlyMap<string, { readonly labels: Int32Array; readonly values: Float64Array }>;
  /** Unambiguous frequent words → their tag (bypasses the perceptron). */
  readonly tagdict: ReadonlyMap<string, string>;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (err) {
    throw new Error(`${path}: cannot read the tagger model (${(err as Error).message}); download averaged_perceptron_tagger_eng again`);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(path: string, what: string): never {
  throw new Error(`${path}: ${what}; expected NLTK 3.9 averaged_perceptron_tagger_eng JSON, download it again`);
}

/** Read a tagger model folder (absolute path) whose files are named `<name>.weights.json` etc. */
export function loadPerceptronModel(dir: string, name = 'averaged_perceptron_tagger_eng'): PerceptronModel {
  const classesPath = `${dir}/${name}.classes.json`;
  const classes = readJson(classesPath);
  if (!Array.isArray(classes) || !classes.every((c): c is string => typeof c === 'string')) {
    fail(classesPath, 'classes is not an array of strings');
  }
  const index = new Map(classes.map((c, i) => [c, i]));

  const weightsPath = `${dir}/${name}.weights.json`;
  const rawWeights = readJson(weightsPath);
  if (!isRecord(rawWeights)) fail(weightsPath, 'weights is not an object');
  const weights = new Map<string, { labels: Int32Array; values: Float64Array }>();
  for (const [feature, perClass] of Object.entries(rawWeights)) {
    if (!isRecord(perClass)) fail(weightsPath, `feature ${JSON.stringify(feature)} has no class→weight object`);
    const entries = Object.entries(perClass);
    const labels = new Int32Array(entries.length);
    const values = new Float64Array(entries.length);
    entries.forEach(([label, w], k) => {
      const i = index.get(label);
      if (i === undefined || typeof w !== 'number') {
        fail(weightsPath, `feature ${JSON.stringify(feature)}: class ${JSON.stringify(label)} → ${JSON.stringify(w)} is not a known class with a number`);
      }
      labels[k] = i;
      values[k] = w;
    });
    weights.set(feature, { labels, values });
  }

  const tagdictPath = `${dir}/${name}.tagdict.json`;
  const rawTagdict = readJson(tagdictPath);
  if (!isRecord(rawTagdict)) fail(tagdictPath, 'tagdict is not an object');
  const tagdict = new Map<string, string>();
  for (const [word, tag] of Object.entries(rawTagdict)) {
    if (typeof tag !== 'string') fail(tagdictPath, `word ${JSON.stringify(word)} has tag ${JSON.stringify(tag)}`);
    tagdict.set(word, tag);
  }
  return { classes, weights, tagdict };
}

let english: PerceptronModel | undefined;

/** The English tagger from `nltk/taggers/averaged_perceptron_tagger_eng`, loaded once on first use. */
export function englishPerceptronModel(): PerceptronModel {
  english ??= loadPerceptronModel(dataPath('nltk/taggers/averaged_perceptron_tagger_eng'));
  return english;
}
