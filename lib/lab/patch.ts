/*
 * A config diff, as nanoGPT's config files are: state only what differs from the base. Plain objects merge field
 * by field, recursively; everything else (numbers, strings, arrays) replaces.
 */

/** A partial of T at every depth (arrays replace whole). */
export type Diff<T> = T extends readonly unknown[] ? T : T extends object ? { readonly [K in keyof T]?: Diff<T[K]> } : T;

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `base` with `diff` merged in (neither is changed). @example patch({ a: { b: 1, c: 2 } }, { a: { c: 3 } }) // { a: { b: 1, c: 3 } } */
export function patch<T>(base: T, diff: Diff<T>): T {
  if (!isPlain(base) || !isPlain(diff)) return (diff === undefined ? base : diff) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(diff)) if (v !== undefined) out[k] = patch(out[k], v as Diff<unknown>);
  return out as T;
}
