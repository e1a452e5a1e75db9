import { readFileSync } from 'node:fs';
import { dataPath } from '../../data/paths';

/**
 * The parameters of a trained Punkt model (NLTK `PunktParameters`), as stored in an nltk_data
 * `tokenizers/punkt_tab/<language>/` folder (NLTK 3.9 format, same values as the 3.8 pickle).
 */
export interface PunktParams {
  readonly abbrevTypes: ReadonlySet<string>;
  /** Pairs `type1 + '\t' + type2` (tokens never contain whitespace, so the tab is unambiguous). */
  readonly collocations: ReadonlySet<string>;
  readonly sentStarters: ReadonlySet<string>;
  /** Word type → orthographic context flags (bits 1<<1 BEG_UC … 1<<6 UNK_LC). */
  readonly orthoContext: ReadonlyMap<string, number>;
}

function readLines(path: string): string[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function readPairs(path: string): Array<[string, string]> {
  return readLines(path).map((line, i) => {
    const fields = line.split('\t');
    if (fields.length !== 2) {
      throw new Error(
        `${path}:${i + 1}: expected 2 tab-separated fields, got ${JSON.stringify(line)}; ` +
          'the punkt_tab folder looks damaged, download punkt_tab again',
      );
    }
    return [fields[0]!, fields[1]!];
  });
}

/** Read a punkt_tab model folder (absolute path). */
export function loadPunktParams(dir: string): PunktParams {
  const orthoContext = new Map<string, number>();
  for (const [word, flags] of readPairs(`${dir}/ortho_context.tab`)) {
    const value = Number(flags);
    if (!Number.isInteger(value) || value < 0 || value > 126) {
      throw new Error(`${dir}/ortho_context.tab: flags of ${JSON.stringify(word)} is ${JSON.stringify(flags)}, expected an integer 0..126`);
    }
    orthoContext.set(word, value);
  }
  return {
    abbrevTypes: new Set(readLines(`${dir}/abbrev_types.txt`)),
    collocations: new Set(readPairs(`${dir}/collocations.tab`).map(([a, b]) => `${a}\t${b}`)),
    sentStarters: new Set(readLines(`${dir}/sent_starters.txt`)),
    orthoContext,
  };
}

let english: PunktParams | undefined;

/** The English Punkt model from `nltk/tokenizers/punkt_tab/english`, loaded once on first use. */
export function englishPunktParams(): PunktParams {
  english ??= loadPunktParams(dataPath('nltk/tokenizers/punkt_tab/english'));
  return english;
}
