import type { ConstraintKind } from '../../../verifiers/types';
import { typeOrder, worldType } from './constraint-types';

/*
 * One prompt of the world: a query (a topic and a subject word of that topic: what to write about) and 1–6
 * constraints, each a type with its parameter. Nothing checks the subject, as nothing checks the content of a real
 * prompt in IF-RLVR; it is there because real prompts have a query beside their constraints (the attention analysis
 * compares the two), and because it multiplies the prompts a constraint set can take, so that every kind of prompt
 * has held-out instances. The prompt text is the instance's identity:
 * "write about ocean whale in exactly 5 words include shell avoid reef sound cheerful".
 */

/** One constraint of an instance: its type and parameter (a word, a count, the topic, or none). */
export interface WorldClause {
  readonly type: string;
  readonly param?: string | number;
}

export interface WorldInstance {
  readonly topic: string;
  /** A word of the topic: the query's subject. */
  readonly subject: string;
  /** In prompt order (constraint-types.ts). */
  readonly clauses: readonly WorldClause[];
}

/** A constraint as rewards, judges and evaluations see it. */
export interface LabConstraint {
  readonly type: string;
  readonly kind: ConstraintKind;
  readonly id: string;
  readonly kwargs: Readonly<Record<string, unknown>>;
}

/** The instance with its clauses sorted into prompt order (the canonical form). */
export function canonical(inst: WorldInstance): WorldInstance {
  return { topic: inst.topic, subject: inst.subject, clauses: [...inst.clauses].sort((a, b) => typeOrder(a.type) - typeOrder(b.type)) };
}

function paramOf(c: WorldClause, topic: string): string | number {
  const t = worldType(c.type);
  if (t.param === 'topic') return topic;
  if (t.param === 'none') return '';
  if (c.param === undefined) throw new Error(`lab world: clause ${c.type} needs a ${t.param} parameter`);
  return c.param;
}

/** The query part of the prompt. @example queryOf({ topic: 'ocean', subject: 'whale', clauses: [] }) // 'write about ocean whale' */
export function queryOf(inst: WorldInstance): string {
  return `write about ${inst.topic} ${inst.subject}`;
}

/** The text of each constraint clause, in prompt order. */
export function clauseTexts(inst: WorldInstance): string[] {
  return canonical(inst).clauses.map((c) => worldType(c.type).clause(paramOf(c, inst.topic)));
}

/**
 * The prompt text. @example promptOf({ topic: 'ocean', subject: 'whale', clauses: [{ type: 'include', param: 'shell' }] })
 * // 'write about ocean whale include shell'
 */
export function promptOf(inst: WorldInstance): string {
  return [queryOf(inst), ...clauseTexts(inst)].join(' ');
}

/** The registry constraints of an instance, in prompt order. */
export function constraintsOf(inst: WorldInstance): LabConstraint[] {
  return canonical(inst).clauses.map((c) => {
    const t = worldType(c.type);
    return { type: t.name, kind: t.kind, id: t.id, kwargs: t.kwargs(paramOf(c, inst.topic)) };
  });
}

/** What kinds an instance holds: only hard, only soft, or both. */
export function instanceKind(inst: WorldInstance): 'hard-only' | 'soft-only' | 'mixed' {
  const kinds = new Set(inst.clauses.map((c) => worldType(c.type).kind));
  return kinds.size === 2 ? 'mixed' : kinds.has('soft') ? 'soft-only' : 'hard-only';
}
