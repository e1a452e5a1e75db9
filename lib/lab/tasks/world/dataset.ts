import { createHash } from 'node:crypto';
import { z } from 'zod';
import { createRng, shuffled, type Rng } from '../../../stats/rng';
import { LAB_TOPICS, lexiconEntry, topicWords } from '../../../verifiers/lab/lexicon';
import { HARD_TYPES, SOFT_TYPES, WORLD_TYPES, typesConflict, worldType } from './constraint-types';
import { canonical, constraintsOf, promptOf, type WorldClause, type WorldInstance } from './instance';
import { expertResponse } from './teacher';
import { trueVerdicts } from './truth';

/*
 * Datasets of the world: seeded draws of instances by kind (hard-only, soft-only, mixed), number of constraints and
 * allowed types. Every instance is checked by the expert: a satisfiable one has a response that passes every
 * constraint (found in a few tries); `unsatisfiable` asks for a share of instances the expert cannot satisfy (value
 * conflicts such as "sound cheerful" with "include storm", or more required words than the word count allows), the
 * prompts a learnability filter (HPPT) should drop.
 */

export const INSTANCE_KINDS = ['hard-only', 'soft-only', 'mixed'] as const;
export type InstanceKind = (typeof INSTANCE_KINDS)[number];

const share = z.number().min(0);
export const datasetSpecSchema = z
  .object({
    /** Relative weights of the instance kinds (normalised). */
    kinds: z.object({ 'hard-only': share, 'soft-only': share, mixed: share }).strict(),
    /** Constraints per prompt, inclusive range, uniform. */
    constraints: z.object({ min: z.number().int().min(1).max(6), max: z.number().int().min(1).max(6) }).strict(),
    /** Allowed constraint types ('all' or a list of names). */
    types: z.union([z.literal('all'), z.array(z.string()).min(1)]),
    /** Share of instances no policy can satisfy. */
    unsatisfiable: z.number().min(0).max(1),
  })
  .strict()
  .refine((s) => s.constraints.min <= s.constraints.max, { message: 'constraints.min must not exceed constraints.max' })
  .refine((s) => s.kinds['hard-only'] + s.kinds['soft-only'] + s.kinds.mixed > 0, { message: 'kinds: give at least one kind a positive weight' });

export type DatasetSpec = z.infer<typeof datasetSpecSchema>;

const EXPERT_TRIES = 6;

/** True when the expert finds a response passing every constraint (seeded, a few tries). */
export function isSatisfiable(inst: WorldInstance, seed = 0): boolean {
  const constraints = constraintsOf(inst);
  const rng = createRng(seed);
  for (let i = 0; i < EXPERT_TRIES; i++) if (trueVerdicts(expertResponse(inst, rng), constraints).every(Boolean)) return true;
  return false;
}

function allowedTypes(spec: DatasetSpec): string[] {
  if (spec.types === 'all') return WORLD_TYPES.map((t) => t.name);
  spec.types.forEach(worldType); // unknown names throw with the list
  return spec.types.slice();
}

function drawKind(spec: DatasetSpec, rng: Rng): InstanceKind {
  const w = INSTANCE_KINDS.map((k) => spec.kinds[k]);
  let u = rng.next() * w.reduce((a, b) => a + b, 0);
  for (let i = 0; i < w.length; i++) if ((u -= w[i]!) < 0) return INSTANCE_KINDS[i]!;
  return INSTANCE_KINDS[INSTANCE_KINDS.length - 1]!;
}

/** k types of the given kind, no two conflicting; mixed draws hold at least one hard and one soft type. */
function drawTypes(kind: InstanceKind, k: number, allowed: readonly string[], rng: Rng): string[] | undefined {
  const hard = allowed.filter((t) => HARD_TYPES.includes(t));
  const soft = allowed.filter((t) => SOFT_TYPES.includes(t));
  const chosen: string[] = [];
  const add = (from: readonly string[]): boolean => {
    const ok = shuffled(from, rng).find((t) => !chosen.includes(t) && !chosen.some((c) => typesConflict(c, t)));
    if (ok !== undefined) chosen.push(ok);
    return ok !== undefined;
  };
  if (kind === 'mixed' && !(add(hard) && add(soft))) return undefined;
  const from = kind === 'hard-only' ? hard : kind === 'soft-only' ? soft : [...hard, ...soft];
  while (chosen.length < k) if (!add(from)) break;
  return chosen.length >= Math.min(k, kind === 'mixed' ? 2 : 1) ? chosen : undefined;
}

/** Parameters for the chosen types: distinct topic words, avoiding values that conflict with a soft type unless `risky`. */
function drawClauses(topic: string, types: readonly string[], rng: Rng, risky: boolean): WorldClause[] {
  const words = shuffled(topicWords(topic), rng).filter((w) => {
    const e = lexiconEntry(w)!;
    if (risky) return true;
    return !(types.includes('cheerful') && e.sentiment === 'negative') && !(types.includes('formal') && e.register === 'casual');
  });
  let next = 0;
  return types.map((type) => {
    const t = worldType(type);
    if (t.param === 'word') return { type, param: words[next++ % words.length]! };
    if (t.param === 'count') return { type, param: t.counts![rng.int(0, t.counts!.length - 1)]! };
    return { type };
  });
}

/** One instance of `kind`, satisfiable or (when `unsatisfiable`) not; undefined if the draw failed (caller retries). */
function drawInstance(spec: DatasetSpec, allowed: readonly string[], kind: InstanceKind, rng: Rng, unsatisfiable: boolean): WorldInstance | undefined {
  const k = rng.int(spec.constraints.min, spec.constraints.max);
  const types = drawTypes(kind, unsatisfiable ? Math.max(k, 3) : k, allowed, rng);
  if (types === undefined) return undefined;
  const topic = LAB_TOPICS[rng.int(0, LAB_TOPICS.length - 1)]!;
  const words = topicWords(topic);
  const subject = words[rng.int(0, words.length - 1)]!;
  const inst = canonical({ topic, subject, clauses: drawClauses(topic, types, rng, unsatisfiable) });
  return isSatisfiable(inst) !== unsatisfiable ? inst : undefined;
}

/**
 * Which side of the held-out line a prompt is on: one prompt in ten (by a hash of its text) is for evaluation only.
 * Evaluation sets and training data are drawn from their own sides, so neither depends on the other's size or seed
 * (and every size of a run shares one warm start).
 */
export type Region = 'train' | 'eval';

export function regionOf(prompt: string): Region {
  return createHash('sha256').update(prompt).digest()[0]! < 26 ? 'eval' : 'train';
}

/**
 * `n` distinct instances (by prompt text) drawn from `spec` on one side of the held-out line, none in `exclude`.
 * @example drawDataset(spec, 2000, createRng(1), 'train').length // 2000
 */
export function drawDataset(spec: DatasetSpec, n: number, rng: Rng, region: Region, exclude: ReadonlySet<string> = new Set()): WorldInstance[] {
  const allowed = allowedTypes(spec);
  const out: WorldInstance[] = [];
  const seen = new Set(exclude);
  const unsatTarget = Math.round(spec.unsatisfiable * n);
  let attempts = 0;
  while (out.length < n) {
    if (++attempts > 200 * n + 10_000) {
      throw new Error(`lab world: could only draw ${out.length} of ${n} distinct instances from ${JSON.stringify(spec)}; allow more types or constraints`);
    }
    const unsat = out.length < unsatTarget;
    const inst = drawInstance(spec, allowed, drawKind(spec, rng), rng, unsat);
    if (inst === undefined) continue;
    const key = promptOf(inst);
    if (seen.has(key) || regionOf(key) !== region) continue;
    seen.add(key);
    out.push(inst);
  }
  return shuffled(out, rng);
}
