import type { z } from 'zod';
import type { Rng } from '../stats/rng';
import { editDistance } from './edit-distance';
import { ignoredKwargs } from './kwargs';
import type { CheckerVariant, ConstraintKind, ConstraintSpec, Suite, TruthSource, Verdict } from './types';

/** A checker bound to validated kwargs: call it on as many responses as you like. */
export type PreparedCheck = (response: string) => Verdict;

/** A registered constraint with its kwargs type erased: the form the registry, scorer and server use. */
export interface Constraint {
  readonly id: string;
  readonly suites: readonly Suite[];
  readonly category: string;
  readonly kind: ConstraintKind;
  /** 'rule' for hard constraints, 'oracle' for soft ones whose check is a simulated world's truth, else 'none'. */
  readonly truth: TruthSource;
  readonly hasCorrected: boolean;
  /** The kwargs the schema knows (empty for ids without kwargs). */
  readonly kwargNames: readonly string[];
  /** Validates raw kwargs (nulls dropped first, as upstream does) and binds them to the checker. */
  prepare(rawKwargs: unknown, variant?: CheckerVariant): PreparedCheck;
  /** The instruction text for raw kwargs. */
  describe(rawKwargs: unknown): string;
  /** Seeded kwargs for synthesising prompts, when the id has a generator. */
  readonly sampleKwargs?: (rng: Rng) => Record<string, unknown>;
}

/** Finds a constraint by id (the registry's getConstraint, or one with plugin ids); throws UnknownConstraintError for an id nobody registers. */
export type ConstraintLookup = (id: string) => Constraint;

/** Thrown for kwargs that fail the constraint's schema; names the id, the field and the value. */
export class KwargsError extends Error {
  constructor(
    readonly constraintId: string,
    readonly field: string,
    message: string,
  ) {
    super(`constraint ${constraintId}: kwargs.${field}: ${message}`);
    this.name = 'KwargsError';
  }
}

/** Upstream (IFBench, open-instruct) drops kwargs whose value is null before building a checker. */
export function dropNulls(raw: unknown): Record<string, unknown> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new KwargsError('?', '', `expected an object of kwargs, got ${JSON.stringify(raw)}`);
  }
  const out: Record<string, unknown> = {};
  // IFBench rows carry every kwarg name of the benchmark, ~50 a row, nearly all null: no [key, value] pair per name.
  const source = raw as Record<string, unknown>;
  for (const k of Object.keys(source)) {
    const v = source[k];
    if (v !== null && v !== undefined) out[k] = v;
  }
  return out;
}

/**
 * Refuses a kwarg the id does not take, naming it and the nearest one it does. Upstream passes kwargs to
 * `build_description(**kwargs)`, whose explicit parameters make an unknown one a TypeError (IFBench's custom ids,
 * which take `**kwargs` and ignore them, are the exception: `ignoredKwargs`). Silently dropping a misspelt kwarg
 * would score the response against the default instead.
 */
function refuseUnknownKwargs(id: string, known: readonly string[], cleaned: Record<string, unknown>): void {
  for (const key of Object.keys(cleaned)) {
    if (known.includes(key)) continue;
    const nearest = [...known].sort((a, b) => editDistance(key, a) - editDistance(key, b))[0];
    const takes = known.length === 0 ? 'takes no kwargs' : `takes ${known.join(', ')}`;
    throw new KwargsError(id, key, `unknown kwarg: ${id} ${takes}${nearest ? ` (did you mean "${nearest}"?)` : ''}; upstream's build_description raises TypeError on it`);
  }
}

function parseKwargs<K>(id: string, schema: z.ZodType<K>, raw: unknown): K {
  let cleaned: Record<string, unknown>;
  try {
    cleaned = dropNulls(raw);
  } catch (e) {
    throw new KwargsError(id, '', (e as Error).message);
  }
  if (schema !== (ignoredKwargs as z.ZodType<unknown>)) refuseUnknownKwargs(id, schemaKeys(schema), cleaned);
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join('.') || '(root)';
  const got = issue.path.length ? JSON.stringify(issue.path.reduce<unknown>((o, k) => (o as Record<PropertyKey, unknown>)?.[k as PropertyKey], cleaned)) : JSON.stringify(cleaned);
  throw new KwargsError(id, field, `${issue.message} (got ${got})`);
}

/** The field names of an object schema (zod 4 keeps them on `.shape`); none for other schemas. */
function schemaKeys(schema: z.ZodType<unknown>): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape && typeof shape === 'object' ? Object.keys(shape) : [];
}

/** Erase a typed spec into a registry entry. */
export function defineConstraint<K>(spec: ConstraintSpec<K>): Constraint {
  const { id, kwargs: schema, check, checkCorrected, sampleKwargs } = spec;
  return {
    id,
    suites: spec.suites,
    category: spec.category,
    kind: spec.kind,
    truth: spec.kind === 'hard' ? 'rule' : spec.oracle ? 'oracle' : 'none',
    hasCorrected: checkCorrected !== undefined,
    kwargNames: schemaKeys(schema),
    prepare(raw, variant = 'upstream') {
      const kwargs = parseKwargs(id, schema, raw);
      const fn = variant === 'corrected' && checkCorrected ? checkCorrected : check;
      return (response) => fn(response, kwargs);
    },
    describe: (raw) => spec.describe(parseKwargs(id, schema, raw)),
    ...(sampleKwargs ? { sampleKwargs: (rng: Rng) => sampleKwargs(rng) as Record<string, unknown> } : {}),
  };
}

/** A spec without the fields hardConstraint fills in. */
export type HardConstraintSpec<K> = Omit<ConstraintSpec<K>, 'suites' | 'category' | 'kind'>;

/**
 * A hard (rule-checked) constraint registered for `suites`, its category the id's prefix (`'count:numbers'` →
 * `'count'`), as every upstream suite names them.
 * @example hardConstraint(['iftrain'], { id: 'punctuation:punctuation_dot', kwargs: noKwargs, describe, check })
 */
export function hardConstraint<K>(suites: readonly Suite[], spec: HardConstraintSpec<K>): Constraint {
  return defineConstraint<K>({ ...spec, suites, category: spec.id.split(':')[0]!, kind: 'hard' });
}
