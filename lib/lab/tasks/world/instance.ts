import type { ConstraintKind } from '../../../verifiers/types';
import { typeOrder, worldType } from './constraint-types';

/*
 * One prompt of the world: a topic and 1–6 constraints, each a type with its parameter. The prompt text is the
 * instance's identity (two instances with the same text are the same prompt): "write about ocean in exactly 5
 * words include coral avoid reef sound cheerful".
 */

/** One constraint of an instance: its type and parameter (a word, a count, the topic, or none). */
export interface WorldClause {
  readonly type: string;
  readonly param?: string | number;
}

export interface WorldInstance {
  readonly topic: string;
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
  return { topic: inst.topic, clauses: [...inst.clauses].sort((a, b) => typeOrder(a.type) - typeOrder(b.type)) };
}

function paramOf(c: WorldClause, topic: string): string | number {
  const t = worldType(c.type);
  if (t.param === 'topic') return topic;
  if (t.param === 'none') return '';
  if (c.param === undefined) throw new Error(`lab world: clause ${c.type} needs a ${t.param} parameter`);
  return c.param;
}

/**
 * The prompt text. @example promptOf({ topic: 'ocean', clauses: [{ type: 'include', param: 'coral' }] })
 * // 'write about ocean include coral'
 */
export function promptOf(inst: WorldInstance): string {
  const parts = canonical(inst).clauses.map((c) => worldType(c.type).clause(paramOf(c, inst.topic)));
  return [`write about ${inst.topic}`, ...parts].join(' ');
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
