import type { ConstraintKind } from '../../../verifiers/types';

/*
 * The constraint types of the laboratory's world, in the order their clauses appear in a prompt. Each type is one
 * registry id with kwargs built from a parameter: hard types are checked by the registry's real checkers (IFEval,
 * IFBench and IFTrain ids, upstream semantics), soft types by a judge in the reward and by the oracle in evaluation
 * (lib/verifiers/lab/soft.ts). Clauses are short and always in this order (a tiny policy finds each one by its
 * marker word: "include", "avoid", "start with", …) and read as plain English to a real LLM judge.
 */

/** What a type's parameter is: a word of the topic, a count of words, the prompt's topic, or nothing. */
export type ParamKind = 'word' | 'count' | 'topic' | 'none';

export interface WorldConstraintType {
  readonly name: string;
  readonly kind: ConstraintKind;
  /** The registry id that checks it. */
  readonly id: string;
  readonly param: ParamKind;
  /** For 'count' types: the counts a prompt may ask for. */
  readonly counts?: readonly number[];
  /** The clause's words in the prompt. */
  clause(param: string | number): string;
  /** The registry kwargs of the clause. */
  kwargs(param: string | number): Record<string, unknown>;
}

const range = (lo: number, hi: number): number[] => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);

/** Every type, in prompt order. The three word-count types share one slot (a prompt asks for at most one). */
export const WORLD_TYPES: readonly WorldConstraintType[] = [
  {
    name: 'words_exact',
    kind: 'hard',
    id: 'count:word_count_range',
    param: 'count',
    counts: range(3, 9),
    clause: (n) => `in exactly ${n} words`,
    kwargs: (n) => ({ min_words: n, max_words: n }),
  },
  {
    name: 'words_at_least',
    kind: 'hard',
    id: 'length_constraints:number_words',
    param: 'count',
    counts: range(4, 8),
    clause: (n) => `in at least ${n} words`,
    kwargs: (n) => ({ num_words: n, relation: 'at least' }),
  },
  {
    name: 'words_less_than',
    kind: 'hard',
    id: 'length_constraints:number_words',
    param: 'count',
    counts: range(4, 8),
    clause: (n) => `in less than ${n} words`,
    kwargs: (n) => ({ num_words: n, relation: 'less than' }),
  },
  { name: 'include', kind: 'hard', id: 'keywords:existence', param: 'word', clause: (w) => `include ${w}`, kwargs: (w) => ({ keywords: [w] }) },
  {
    name: 'twice',
    kind: 'hard',
    id: 'keywords:frequency',
    param: 'word',
    clause: (w) => `use ${w} twice`,
    kwargs: (w) => ({ keyword: w, frequency: 2, relation: 'at least' }),
  },
  { name: 'avoid', kind: 'hard', id: 'keywords:forbidden_words', param: 'word', clause: (w) => `avoid ${w}`, kwargs: (w) => ({ forbidden_words: [w] }) },
  { name: 'start_with', kind: 'hard', id: 'first_word:first_word_answer', param: 'word', clause: (w) => `start with ${w}`, kwargs: (w) => ({ first_word: w }) },
  { name: 'end_with', kind: 'hard', id: 'last_word:last_word_answer', param: 'word', clause: (w) => `end with ${w}`, kwargs: (w) => ({ last_word: w }) },
  { name: 'no_comma', kind: 'hard', id: 'punctuation:no_comma', param: 'none', clause: () => 'no commas', kwargs: () => ({}) },
  { name: 'quoted', kind: 'hard', id: 'startend:quotation', param: 'none', clause: () => 'in quotes', kwargs: () => ({}) },
  { name: 'cheerful', kind: 'soft', id: 'lab:cheerful', param: 'none', clause: () => 'sound cheerful', kwargs: () => ({}) },
  { name: 'animal', kind: 'soft', id: 'lab:mentions_animal', param: 'none', clause: () => 'mention an animal', kwargs: () => ({}) },
  { name: 'on_topic', kind: 'soft', id: 'lab:on_topic', param: 'topic', clause: () => 'stay on topic', kwargs: (t) => ({ topic: t }) },
  { name: 'formal', kind: 'soft', id: 'lab:formal', param: 'none', clause: () => 'sound formal', kwargs: () => ({}) },
];

export const HARD_TYPES: readonly string[] = WORLD_TYPES.filter((t) => t.kind === 'hard').map((t) => t.name);
export const SOFT_TYPES: readonly string[] = WORLD_TYPES.filter((t) => t.kind === 'soft').map((t) => t.name);

const BY_NAME: ReadonlyMap<string, WorldConstraintType> = new Map(WORLD_TYPES.map((t) => [t.name, t]));

/** A type by name; the error lists the valid names. */
export function worldType(name: string): WorldConstraintType {
  const t = BY_NAME.get(name);
  if (!t) throw new Error(`lab world: unknown constraint type ${JSON.stringify(name)}; use one of ${WORLD_TYPES.map((x) => x.name).join(', ')}`);
  return t;
}

/**
 * Pairs of types a prompt never holds together. The word counts share a slot; and upstream's first_word_answer
 * reads the opening quote as part of the first word (`"tide` is not `tide`), so "in quotes" and "start with" cannot
 * both pass.
 */
export const TYPE_CONFLICTS: readonly (readonly [string, string])[] = [
  ['words_exact', 'words_at_least'],
  ['words_exact', 'words_less_than'],
  ['words_at_least', 'words_less_than'],
  ['quoted', 'start_with'],
];

/** True when types `a` and `b` may not appear in one prompt. */
export function typesConflict(a: string, b: string): boolean {
  return TYPE_CONFLICTS.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/** The index of a type in prompt order (for sorting a prompt's clauses). */
export function typeOrder(name: string): number {
  return WORLD_TYPES.indexOf(worldType(name));
}
