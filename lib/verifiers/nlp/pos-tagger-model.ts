import { readFileSync } from 'node:fs';
import { dataPath } from '../../data/paths';

/**
 * The averaged perceptron tagger model of NLTK, read from an nltk_data
 * `taggers/averaged_perceptron_tagger_eng/` folder (NLTK 3.9 JSON files; same values as the 3.8 pickle).
 */
export interface PerceptronModel {
  /** Tag names; `weights` refer to them by index. */
  readonly classes: readonly string[];
  /**
   * Per template of FEATURE_TEMPLATES, argument(s) → row: the key is the argument, or for the two-argument
   * templates the first argument, then the second. A row's weights are entries `offsets[row]` to
   * `offsets[row + 1]` of `labels`/`values`. Indexing by argument spares building the "name arg" key per lookup.
   */
  readonly rows: ReadonlyArray<ReadonlyMap<string, number | ReadonlyMap<string, number>>>;
  readonly offsets: Int32Array;
  /** Class indices and weights of all rows, each row in the order of the JSON file (Python's summation order). */
  readonly labels: Uint8Array;
  readonly values: Float64Array;
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

/** The feature templates of `PerceptronTagger._get_features`, in Python's insertion (= summation) order. */
export const FEATURE_TEMPLATES = [
  'bias',
  'i suffix',
  'i pref1',
  'i-1 tag',
  'i-2 tag',
  'i tag+i-2 tag',
  'i word',
  'i-1 tag+i word',
  'i-1 word',
  'i-1 suffix',
  'i-2 word',
  'i+1 word',
  'i+1 suffix',
  'i+2 word',
] as const;
const TWO_ARGUMENTS: ReadonlySet<string> = new Set(['i tag+i-2 tag', 'i-1 tag+i word']);

/** File a weights key ("name arg" or "name tag arg") under its template; keys of no template are never used. */
function indexFeature(rows: Array<Map<string, number | Map<string, number>>>, key: string, row: number): void {
  const t = FEATURE_TEMPLATES.findIndex((name) => key === name || key.startsWith(`${name} `));
  if (t < 0) return;
  const name = FEATURE_TEMPLATES[t]!;
  const arg = key.slice(name.length + 1);
  if (!TWO_ARGUMENTS.has(name)) {
    rows[t]!.set(arg, row);
    return;
  }
  // The first argument is a tag, which never holds a space.
  const space = arg.indexOf(' ');
  const first = arg.slice(0, space);
  let inner = rows[t]!.get(first);
  if (!(inner instanceof Map)) rows[t]!.set(first, (inner = new Map<string, number>()));
  inner.set(arg.slice(space + 1), row);
}

/** Read a tagger model folder (absolute path) whose files are named `<name>.weights.json` etc. */
export function loadPerceptronModel(dir: string, name = 'averaged_perceptron_tagger_eng'): PerceptronModel {
  const classesPath = `${dir}/${name}.classes.json`;
  const classes = readJson(classesPath);
  if (!Array.isArray(classes) || !classes.every((c): c is string => typeof c === 'string')) {
    fail(classesPath, 'classes is not an array of strings');
  }
  if (classes.length > 255) fail(classesPath, `${classes.length} classes, at most 255 supported`);
  const index = new Map(classes.map((c, i) => [c, i]));

  const weightsPath = `${dir}/${name}.weights.json`;
  const rawWeights = readJson(weightsPath);
  if (!isRecord(rawWeights)) fail(weightsPath, 'weights is not an object');
  const features = Object.entries(rawWeights);
  const rows = FEATURE_TEMPLATES.map(() => new Map<string, number | Map<string, number>>());
  const offsets = new Int32Array(features.length + 1);
  let total = 0;
  features.forEach(([feature, perClass], row) => {
    if (!isRecord(perClass)) fail(weightsPath, `feature ${JSON.stringify(feature)} has no class→weight object`);
    indexFeature(rows, feature, row);
    total += Object.keys(perClass).length;
    offsets[row + 1] = total;
  });
  const labels = new Uint8Array(total);
  const values = new Float64Array(total);
  let k = 0;
  for (const [feature, perClass] of features) {
    for (const [label, w] of Object.entries(perClass as Record<string, unknown>)) {
      const i = index.get(label);
      if (i === undefined || typeof w !== 'number') {
        fail(weightsPath, `feature ${JSON.stringify(feature)}: class ${JSON.stringify(label)} → ${JSON.stringify(w)} is not a known class with a number`);
      }
      labels[k] = i;
      values[k++] = w;
    }
  }

  const tagdictPath = `${dir}/${name}.tagdict.json`;
  const rawTagdict = readJson(tagdictPath);
  if (!isRecord(rawTagdict)) fail(tagdictPath, 'tagdict is not an object');
  const tagdict = new Map<string, string>();
  for (const [word, tag] of Object.entries(rawTagdict)) {
    if (typeof tag !== 'string') fail(tagdictPath, `word ${JSON.stringify(word)} has tag ${JSON.stringify(tag)}`);
    tagdict.set(word, tag);
  }
  return { classes, rows, offsets, labels, values, tagdict };
}

let english: PerceptronModel | undefined;

/** The English tagger from `nltk/taggers/averaged_perceptron_tagger_eng`, loaded once on first use. */
export function englishPerceptronModel(): PerceptronModel {
  english ??= loadPerceptronModel(dataPath('nltk/taggers/averaged_perceptron_tagger_eng'));
  return english;
}
