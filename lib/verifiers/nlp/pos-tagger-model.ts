import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cachedBinary, filesKey } from '../../data/binary-cache';
import { dataPath, projectRoot } from '../../data/paths';
import { deserializePerceptronModel, serializePerceptronModel } from './pos-tagger-cache';
import { buildStringIndex, type StringIndex } from './string-index';

/**
 * The averaged perceptron tagger model of NLTK, read from an nltk_data
 * `taggers/averaged_perceptron_tagger_eng/` folder (NLTK 3.9 JSON files; same values as the 3.8 pickle).
 */
export interface PerceptronModel {
  /** Tag names; `labels` refer to them by index. */
  readonly classes: readonly string[];
  /**
   * The weights' feature keys, as Python's `_get_features` spells them ("bias", "i word the", "i-1 tag+i word DT
   * cat"), to their row. A row's weights are entries `offsets[row]` to `offsets[row + 1]` of `labels`/`values`.
   */
  readonly features: StringIndex;
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

function readClasses(path: string): string[] {
  const classes = readJson(path);
  if (!Array.isArray(classes) || !classes.every((c): c is string => typeof c === 'string')) fail(path, 'classes is not an array of strings');
  if (classes.length > 255) fail(path, `${classes.length} classes, at most 255 supported`);
  return classes;
}

/** The weights as CSR rows over the features in file order, each row's classes in file order. */
function readWeights(path: string, classes: readonly string[]): Pick<PerceptronModel, 'features' | 'offsets' | 'labels' | 'values'> {
  const index = new Map(classes.map((c, i) => [c, i]));
  const raw = readJson(path);
  if (!isRecord(raw)) fail(path, 'weights is not an object');
  const features = Object.entries(raw);
  const offsets = new Int32Array(features.length + 1);
  features.forEach(([feature, perClass], row) => {
    if (!isRecord(perClass)) fail(path, `feature ${JSON.stringify(feature)} has no class→weight object`);
    offsets[row + 1] = offsets[row]! + Object.keys(perClass).length;
  });
  const labels = new Uint8Array(offsets[features.length]!);
  const values = new Float64Array(labels.length);
  let k = 0;
  for (const [feature, perClass] of features) {
    for (const [label, w] of Object.entries(perClass as Record<string, unknown>)) {
      const i = index.get(label);
      if (i === undefined || typeof w !== 'number') {
        fail(path, `feature ${JSON.stringify(feature)}: class ${JSON.stringify(label)} → ${JSON.stringify(w)} is not a known class with a number`);
      }
      labels[k] = i;
      values[k++] = w;
    }
  }
  return { features: buildStringIndex(features.map(([feature]) => feature)), offsets, labels, values };
}

function readTagdict(path: string): Map<string, string> {
  const raw = readJson(path);
  if (!isRecord(raw)) fail(path, 'tagdict is not an object');
  const tagdict = new Map<string, string>();
  for (const [word, tag] of Object.entries(raw)) {
    if (typeof tag !== 'string') fail(path, `word ${JSON.stringify(word)} has tag ${JSON.stringify(tag)}`);
    tagdict.set(word, tag);
  }
  return tagdict;
}

/** The three files of a tagger model folder, named `<name>.weights.json` etc. */
const modelFiles = (name: string): string[] => ['classes', 'weights', 'tagdict'].map((part) => `${name}.${part}.json`);

/** Read a tagger model folder (absolute path) whose files are named `<name>.weights.json` etc. */
export function loadPerceptronModel(dir: string, name = 'averaged_perceptron_tagger_eng'): PerceptronModel {
  const [classesFile, weightsFile, tagdictFile] = modelFiles(name).map((f) => join(dir, f)) as [string, string, string];
  const classes = readClasses(classesFile);
  return { classes, ...readWeights(weightsFile, classes), tagdict: readTagdict(tagdictFile) };
}

/**
 * A tagger model folder, from `<project>/.cache/` when it was loaded before: parsing the 5.5 MB of JSON costs
 * ~0.4 s of CPU, the binary file (keyed by the JSON files' stamps: filesKey) a few milliseconds.
 */
export function cachedPerceptronModel(dir: string, cacheDir: string, name = 'averaged_perceptron_tagger_eng'): PerceptronModel {
  const key = filesKey(dir, modelFiles(name));
  const codec = { read: (bytes: Buffer) => deserializePerceptronModel(bytes, key), write: (m: PerceptronModel) => serializePerceptronModel(m, key) };
  return cachedBinary(join(cacheDir, `pos-tagger-${key.slice(0, 16)}.bin`), codec, () => loadPerceptronModel(dir, name));
}

let english: PerceptronModel | undefined;

/** The English tagger from `nltk/taggers/averaged_perceptron_tagger_eng`, loaded once on first use. */
export function englishPerceptronModel(): PerceptronModel {
  english ??= cachedPerceptronModel(dataPath('nltk/taggers/averaged_perceptron_tagger_eng'), join(projectRoot(), '.cache'));
  return english;
}
