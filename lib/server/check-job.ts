/**
 * One job as a worker runs it: resolve the constraints (explicit ids or an open-instruct label), validate every
 * kwargs first, then check the response strict or loose. The same function is the "direct library call" the
 * server is tested against.
 */
import { checkLoose, checkStrict } from '../eval/score';
import { IfLabelError, parseIfLabel } from '../rewards/if-label';
import { removeThinkingSection } from '../rewards/thinking';
import { KwargsError, type ConstraintLookup, type PreparedCheck } from '../verifiers/define';
import { UnknownConstraintError } from '../verifiers/registry';
import type { Verdict } from '../verifiers/types';
import type { CheckJob, JobOutcome, SoftConstraint } from './types';


type Resolved = { readonly ids: readonly string[]; readonly kwargs: readonly unknown[] };
type Prepared = { readonly kind: 'hard'; readonly check: PreparedCheck } | { readonly kind: 'soft'; readonly soft: SoftConstraint; readonly oracle?: PreparedCheck };

// Training batches repeat each label G times (one per rollout), so parsed labels and bound checkers are reused.
const CACHE_SIZE = 4096;
function remember<V>(cache: Map<string, V>, key: string, make: () => V): V {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = make();
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
  return value;
}
const labelCache = new Map<string, Resolved>();
const checkCache = new Map<string, PreparedCheck>();

function resolve(job: CheckJob): Resolved {
  const c = job.constraints;
  if (c.kind === 'ids') return { ids: c.instructionIds, kwargs: c.kwargs };
  const read = (): Resolved => {
    const label = parseIfLabel(c.label);
    return { ids: label.instructionIds, kwargs: label.kwargs };
  };
  return typeof c.label === 'string' ? remember(labelCache, c.label, read) : read();
}

function prepareOne(lookup: ConstraintLookup, job: CheckJob, id: string, kwargs: unknown, index: number): Prepared {
  const constraint = lookup(id);
  if (constraint.kind === 'soft') {
    const raw = (kwargs ?? {}) as Record<string, unknown>;
    const soft = { index, id, instruction: constraint.describe(raw), kwargs: raw };
    return constraint.truth === 'oracle' ? { kind: 'soft', soft, oracle: constraint.prepare(raw, job.variant) } : { kind: 'soft', soft };
  }
  const key = `${job.variant}\u0000${id}\u0000${JSON.stringify(kwargs ?? null)}`;
  return { kind: 'hard', check: remember(checkCache, key, () => constraint.prepare(kwargs ?? {}, job.variant)) };
}

function invalid(job: CheckJob, e: unknown, index: number): JobOutcome {
  const isLabel = job.constraints.kind === 'label';
  if (e instanceof UnknownConstraintError) {
    return { kind: 'invalid', field: isLabel ? 'label' : `instruction_id_list[${index}]`, message: e.message };
  }
  if (e instanceof KwargsError) {
    return { kind: 'invalid', field: isLabel ? 'label' : `kwargs[${index}]${e.field ? `.${e.field}` : ''}`, message: e.message };
  }
  if (e instanceof IfLabelError) return { kind: 'invalid', field: 'label', message: e.message };
  throw e;
}

/**
 * Checks one job. `onCheck(i)` is called before constraint i is checked (the worker publishes it so a watchdog
 * can tell which check overran its budget).
 * @example runJob({ response: 'hi', constraints: { kind: 'ids', instructionIds: ['punctuation:no_comma'], kwargs: [null] }, mode: 'strict', variant: 'upstream', stripThinking: false }, getConstraint)
 */
export function runJob(job: CheckJob, lookup: ConstraintLookup, onCheck?: (index: number) => void): JobOutcome {
  let resolved: Resolved;
  const prepared: Prepared[] = [];
  try {
    resolved = resolve(job);
    resolved.ids.forEach((id, i) => prepared.push(prepareOne(lookup, job, id, resolved.kwargs[i], i)));
  } catch (e) {
    return invalid(job, e, prepared.length);
  }
  const answer = job.stripThinking ? removeThinkingSection(job.response) : job.response;
  const verdicts: Array<Verdict | null> = [];
  const soft: SoftConstraint[] = [];
  for (const [i, p] of prepared.entries()) {
    if (p.kind === 'soft') {
      soft.push(p.oracle ? { ...p.soft, truth: checkStrict(p.oracle, answer) } : p.soft);
      verdicts.push(null);
      continue;
    }
    onCheck?.(i);
    try {
      verdicts.push(job.mode === 'strict' ? checkStrict(p.check, answer) : checkLoose(p.check, answer));
    } catch (e) {
      return { kind: 'failed', message: `checker ${resolved.ids[i]} threw: ${(e as Error)?.message ?? String(e)}; scored 0` };
    }
  }
  return { kind: 'checked', answer, instructionIds: resolved.ids, verdicts, soft };
}
