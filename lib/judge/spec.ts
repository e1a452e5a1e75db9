import type { ReplyCache } from './cache';
import { createJudgeClient, type JudgeClientConfig } from './client';
import type { RetryEvent } from './retry';
import { createLlmJudge, type LlmJudgeStats } from './llm-judge';
import { createAlwaysYesJudge, createLenientJudge, createNoisyJudge, createOracleJudge } from './simulated';
import type { Judge, JudgeMode } from './types';

/** A parsed `--judge` spec. */
export type JudgeSpec =
  | { readonly kind: 'openai'; readonly model: string; readonly baseURL: string }
  | { readonly kind: 'noisy'; readonly recallViolation: number; readonly recallCompliant: number; readonly invalidRate: number; readonly seed: number }
  | { readonly kind: 'oracle' }
  | { readonly kind: 'lenient' }
  | { readonly kind: 'always-yes' };

const FORMS = '`openai:<model>@<base-url>`, `sim:noisy:recall_violation=0.3,recall_compliant=0.95`, `sim:lenient`, `sim:oracle` or `sim:always-yes`';

function noisyParams(spec: string, text: string): JudgeSpec {
  const known = { recall_violation: NaN, recall_compliant: NaN, invalid_rate: 0, seed: 0 };
  for (const part of text.split(',').filter((p) => p.trim() !== '')) {
    const [k, v] = part.split('=').map((s) => s.trim());
    if (!k || !(k in known) || v === undefined || v === '' || Number.isNaN(Number(v))) {
      throw new Error(`judge spec "${spec}": cannot read "${part}"; expected key=number with key one of ${Object.keys(known).join(', ')}`);
    }
    known[k as keyof typeof known] = Number(v);
  }
  if (Number.isNaN(known.recall_violation) || Number.isNaN(known.recall_compliant)) {
    throw new Error(`judge spec "${spec}": sim:noisy needs recall_violation and recall_compliant, e.g. sim:noisy:recall_violation=0.3,recall_compliant=0.95`);
  }
  return { kind: 'noisy', recallViolation: known.recall_violation, recallCompliant: known.recall_compliant, invalidRate: known.invalid_rate, seed: known.seed };
}

/**
 * Reads a `--judge` spec. The model may hold ':' and '/' (Ollama's `qwen3:32b`); the first '@' ends it.
 * @example parseJudgeSpec('openai:Qwen/Qwen3-32B@http://localhost:8000/v1')
 */
export function parseJudgeSpec(spec: string): JudgeSpec {
  if (spec.startsWith('openai:')) {
    const rest = spec.slice('openai:'.length);
    const at = rest.indexOf('@');
    const model = at > 0 ? rest.slice(0, at) : '';
    const baseURL = at > 0 ? rest.slice(at + 1) : '';
    if (!model || !/^https?:\/\//.test(baseURL)) {
      throw new Error(`judge spec "${spec}": expected openai:<model>@<base-url>, e.g. openai:Qwen/Qwen3-32B@http://localhost:8000/v1`);
    }
    return { kind: 'openai', model, baseURL };
  }
  if (spec === 'sim:lenient') return { kind: 'lenient' };
  if (spec === 'sim:oracle') return { kind: 'oracle' };
  if (spec === 'sim:always-yes') return { kind: 'always-yes' };
  if (spec === 'sim:noisy' || spec.startsWith('sim:noisy:')) return noisyParams(spec, spec.slice('sim:noisy:'.length));
  throw new Error(`unknown judge spec "${spec}"; use ${FORMS}`);
}

/** What a real judge needs besides its spec. */
export interface JudgeEnv {
  readonly cache: ReplyCache;
  readonly mode: JudgeMode;
  readonly template?: string;
  readonly client?: Partial<Omit<JudgeClientConfig, 'model' | 'baseURL'>>;
  readonly onRetry?: (e: RetryEvent) => void;
  readonly onFailure?: 'throw' | 'invalid';
}

/** A judge built from a spec; `stats` only for real judges. */
export function createJudgeFromSpec(spec: JudgeSpec, env: JudgeEnv): Judge & { readonly stats?: LlmJudgeStats } {
  switch (spec.kind) {
    case 'openai': {
      const client = createJudgeClient({ ...env.client, model: spec.model, baseURL: spec.baseURL }, env.onRetry ? { onRetry: env.onRetry } : {});
      return createLlmJudge({
        client,
        cache: env.cache,
        mode: env.mode,
        ...(env.template !== undefined ? { template: env.template } : {}),
        ...(env.onFailure ? { onFailure: env.onFailure } : {}),
      });
    }
    case 'noisy':
      return createNoisyJudge(spec);
    case 'lenient':
      return createLenientJudge();
    case 'oracle':
      return createOracleJudge();
    case 'always-yes':
      return createAlwaysYesJudge();
  }
}
