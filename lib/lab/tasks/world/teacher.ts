import type { Rng } from '../../../stats/rng';
import { GENERAL_WORDS, lexiconEntry, topicWords, type LexiconWord } from '../../../verifiers/lab/lexicon';
import type { WorldClause, WorldInstance } from './instance';

/*
 * How the world's responses are written: a composer that follows a chosen subset of an instance's constraints and
 * behaves "naturally" on the rest. With every constraint followed it is the expert (used to decide whether an
 * instance can be satisfied at all); following each one with a probability (its skill) it is the imperfect teacher
 * of the warm start. The lab's findings (docs/lab-world-findings.md) shaped it:
 * - GRPO sharpens a skill the warm start already shows and cannot create one it lacks, so every type gets a partial
 *   skill, the same for hard and soft types (fair by construction: equal starting points, measured in the tests);
 * - a tiny policy copies a word from the prompt more easily when the word has a fixed place, so required words go
 *   in a fixed order from the front: start word, include word, twice word, then an animal, a positive and a formal
 *   word as needed; the end word goes last.
 * Natural behaviour: the query's subject word with probability `subjectRate`, 3–9 words of the topic, a general word
 * with probability `generalShare` each, a comma after one or two words with probability `commaRate`, the whole
 * response in quotes with probability `quoteRate`.
 */

export interface WorldTeacherOptions {
  /** P(the teacher follows a constraint), per type; `default` for types not listed. */
  readonly skill: Readonly<Record<string, number>>;
  /** P(the response mentions the query's subject word), after the words the constraints require. */
  readonly subjectRate: number;
  readonly generalShare: number;
  readonly commaRate: number;
  readonly quoteRate: number;
}

export const WORLD_TEACHER_DEFAULTS: WorldTeacherOptions = { skill: { default: 0.6 }, subjectRate: 0.5, generalShare: 0.2, commaRate: 0.35, quoteRate: 0.15 };

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(0, xs.length - 1)]!;

/** Which attributes a filler may not have, given the constraints being followed. */
function fillerAllowed(follows: ReadonlySet<string>, avoid: string | undefined): (e: LexiconWord | undefined, w: string) => boolean {
  return (e, w) =>
    w !== avoid &&
    !(follows.has('cheerful') && e?.sentiment === 'negative') &&
    !(follows.has('formal') && e?.register === 'casual');
}

function wordCount(clauses: readonly WorldClause[], follows: ReadonlySet<string>, rng: Rng): number {
  const length = clauses.find((c) => c.type.startsWith('words_') && follows.has(c.type));
  const n = Number(length?.param);
  switch (length?.type) {
    case 'words_exact':
      return n;
    case 'words_at_least':
      return Math.min(10, n + rng.int(0, 2));
    case 'words_less_than':
      return rng.int(Math.max(1, n - 4), n - 1);
    default:
      return rng.int(3, 9);
  }
}

/**
 * A response to `inst` that follows the constraints whose type is in `follows` (and, by chance, maybe others).
 * @example composeResponse(inst, rng, new Set(['include', 'cheerful']))
 */
export function composeResponse(inst: WorldInstance, rng: Rng, follows: ReadonlySet<string>, o: WorldTeacherOptions = WORLD_TEACHER_DEFAULTS): string {
  const topic = topicWords(inst.topic);
  const param = (type: string): string | undefined => {
    const c = inst.clauses.find((x) => x.type === type && follows.has(type));
    return c === undefined ? undefined : String(c.param ?? '');
  };
  const n = wordCount(inst.clauses, follows, rng);
  const words: (string | undefined)[] = Array.from({ length: n }, () => undefined);
  const free = (): number => words.findIndex((w) => w === undefined);
  const put = (w: string | undefined, at = free()): void => {
    if (w !== undefined && at >= 0 && at < n && words[at] === undefined) words[at] = w;
  };
  const ok = fillerAllowed(follows, param('avoid'));
  const offTopic = (): boolean => !follows.has('on_topic') && rng.next() < o.generalShare;
  const pool = (has: (e: LexiconWord) => boolean): string[] => {
    const from = offTopic() ? GENERAL_WORDS : topic;
    const found = from.filter((w) => has(lexiconEntry(w)!) && ok(lexiconEntry(w), w));
    return found.length > 0 ? found : topic.filter((w) => has(lexiconEntry(w)!) && ok(lexiconEntry(w), w));
  };
  const placed = (has: (e: LexiconWord) => boolean): boolean =>
    words.some((w) => {
      const e = w === undefined ? undefined : lexiconEntry(w);
      return e !== undefined && has(e);
    });

  put(param('start_with'), 0);
  const end = param('end_with');
  if (end !== undefined && words[n - 1] === undefined) words[n - 1] = end;
  const include = param('include');
  if (include !== undefined && !words.includes(include)) put(include);
  const twice = param('twice');
  if (twice !== undefined) while (words.filter((w) => w === twice).length < 2 && free() >= 0) put(twice);
  const needs: [string, (e: LexiconWord) => boolean][] = [
    ['animal', (e) => e.animal],
    ['cheerful', (e) => e.sentiment === 'positive'],
    ['formal', (e) => e.register === 'formal'],
  ];
  for (const [type, has] of needs) {
    if (follows.has(type) && inst.clauses.some((c) => c.type === type) && !placed(has)) {
      const options = pool(has);
      if (options.length > 0) put(pick(rng, options));
    }
  }
  if (!words.includes(inst.subject) && ok(lexiconEntry(inst.subject), inst.subject) && rng.next() < o.subjectRate) put(inst.subject);
  for (let i = 0; i < n; i++) {
    if (words[i] !== undefined) continue;
    const from = (offTopic() ? GENERAL_WORDS : topic).filter((w) => ok(lexiconEntry(w), w));
    words[i] = pick(rng, from.length > 0 ? from : topic);
  }
  return decorate(words as string[], inst, follows, rng, o);
}

/** Commas and quotes, natural unless a followed constraint forbids or asks for them. */
function decorate(words: string[], inst: WorldInstance, follows: ReadonlySet<string>, rng: Rng, o: WorldTeacherOptions): string {
  const asked = (t: string): boolean => follows.has(t) && inst.clauses.some((c) => c.type === t);
  const out = words.slice();
  if (!asked('no_comma') && out.length > 1 && rng.next() < o.commaRate) {
    const commas = rng.int(1, Math.min(2, out.length - 1));
    for (let k = 0; k < commas; k++) {
      const at = rng.int(0, out.length - 2);
      if (!out[at]!.endsWith(',')) out[at] += ',';
    }
  }
  const text = out.join(' ');
  // following "start with", the teacher never quotes: the quote would become part of the first word
  const quote = asked('quoted') || (!asked('start_with') && rng.next() < o.quoteRate);
  return quote ? `"${text}"` : text;
}

/** The skill of the teacher on one type. */
export function skillOf(o: WorldTeacherOptions, type: string): number {
  return o.skill[type] ?? o.skill.default ?? 0;
}

/** One teacher response: each constraint followed with its type's skill. */
export function teacherResponse(inst: WorldInstance, rng: Rng, o: WorldTeacherOptions = WORLD_TEACHER_DEFAULTS): string {
  const follows = new Set(inst.clauses.filter((c) => rng.next() < skillOf(o, c.type)).map((c) => c.type));
  return composeResponse(inst, rng, follows, o);
}

/** The expert: follows every constraint. */
export function expertResponse(inst: WorldInstance, rng: Rng, o: WorldTeacherOptions = WORLD_TEACHER_DEFAULTS): string {
  return composeResponse(inst, rng, new Set(inst.clauses.map((c) => c.type)), o);
}
