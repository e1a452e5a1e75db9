import { z } from 'zod';
import type { Rng } from '../../stats/rng';
import { defineConstraint, type Constraint } from '../define';
import { LAB_TOPICS, lexiconEntry, type LexiconWord } from './lexicon';

/*
 * The laboratory's soft constraints: instructions a rule cannot check in general ("sound cheerful"), so a judge
 * scores them in a reward. In the lab's simulated world their truth is known: an oracle reads the hidden attributes
 * of the response's words (lexicon.ts). Registered like any constraint (kind 'soft', oracle: true), so rewards, the
 * reward server and the judge audit treat them as they treat every other id; the oracle's verdict is the ground
 * truth of evaluations and audits, never what a judge sees.
 *
 * Words are runs of letters or digits, compared case-insensitively; a word outside the lexicon is neutral, not an
 * animal, plain, and off every topic.
 */

/** The words of a response as the oracle reads them. @example responseWords('"Sunny, calm reef"') // ['sunny', 'calm', 'reef'] */
export function responseWords(response: string): string[] {
  return (response.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.toLowerCase());
}

const entries = (response: string): (LexiconWord | undefined)[] => responseWords(response).map(lexiconEntry);

/** Cheerful: at least one positive word and no negative word. */
export function isCheerful(response: string): boolean {
  const es = entries(response);
  return es.some((e) => e?.sentiment === 'positive') && !es.some((e) => e?.sentiment === 'negative');
}

/** Mentions an animal: at least one animal word. */
export function mentionsAnimal(response: string): boolean {
  return entries(response).some((e) => e?.animal === true);
}

/** On topic: at least one word, and every word is one of the topic's words or the topic's name. */
export function staysOnTopic(response: string, topic: string): boolean {
  const words = responseWords(response);
  return words.length > 0 && words.every((w) => w === topic || lexiconEntry(w)?.topic === topic);
}

/** Formal: at least one formal word and no casual word. */
export function isFormal(response: string): boolean {
  const es = entries(response);
  return es.some((e) => e?.register === 'formal') && !es.some((e) => e?.register === 'casual');
}

const none = z.object({}).strict();
const topicKwargs = z.object({ topic: z.enum(LAB_TOPICS as [string, ...string[]]) }).strict();
const common = { suites: ['lab'] as const, category: 'lab', kind: 'soft' as const, oracle: true };

/** The soft constraints of the laboratory's world, in a fixed order. */
export const LAB_SOFT_CONSTRAINTS: readonly Constraint[] = [
  defineConstraint({
    ...common,
    id: 'lab:cheerful',
    kwargs: none,
    describe: () => 'The response should sound cheerful.',
    sampleKwargs: () => ({}),
    check: (response) => isCheerful(response),
  }),
  defineConstraint({
    ...common,
    id: 'lab:mentions_animal',
    kwargs: none,
    describe: () => 'The response should mention an animal.',
    sampleKwargs: () => ({}),
    check: (response) => mentionsAnimal(response),
  }),
  defineConstraint({
    ...common,
    id: 'lab:on_topic',
    kwargs: topicKwargs,
    describe: (k) => `The response should stay on the topic of ${k.topic}: every word should belong to it.`,
    sampleKwargs: (rng: Rng) => ({ topic: LAB_TOPICS[rng.int(0, LAB_TOPICS.length - 1)]! }),
    check: (response, k) => staysOnTopic(response, k.topic),
  }),
  defineConstraint({
    ...common,
    id: 'lab:formal',
    kwargs: none,
    describe: () => 'The response should use a formal register.',
    sampleKwargs: () => ({}),
    check: (response) => isFormal(response),
  }),
];
