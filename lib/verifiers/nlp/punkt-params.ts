import { findKey, type StringIndex } from './string-index';

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
  readonly orthoContext: OrthoContext;
}

/** The orthographic context table: its 20k word types in a typed-array index, so it loads from disk as views. */
export interface OrthoContext {
  get(type: string): number | undefined;
  readonly size: number;
  readonly types: StringIndex;
  /** Flags of type i of `types`. */
  readonly flags: Uint8Array;
}

/** The table over `types` (indexed word types) and their `flags`. */
export function orthoContext(types: StringIndex, flags: Uint8Array): OrthoContext {
  return {
    get: (type) => {
      const i = findKey(types, type);
      return i < 0 ? undefined : flags[i];
    },
    size: flags.length,
    types,
    flags,
  };
}
