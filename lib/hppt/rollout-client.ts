/**
 * Pilot rollouts from any OpenAI-compatible chat server (vLLM, SGLang, llama.cpp, Ollama, `ifkit lab serve`), with
 * the judge client's retry policy and concurrency limit and its append-only reply cache: a request whose reply is
 * cached is never sent again, so a pilot killed with kill -9 resumes where it stopped.
 */
import OpenAI from 'openai';
import { z } from 'zod';
import { cacheKey, type ReplyCache } from '../judge/cache';
import { judgeApiKeyFromEnv, type ChatMessage } from '../judge/client';
import { createLimiter } from '../judge/limit';
import { DEFAULT_RETRY_POLICY, JudgeRequestError, withRetries, type RetryEvent, type RetryPolicy } from '../judge/retry';
import { createRng } from '../stats/rng';

export interface RolloutClientConfig {
  /** e.g. 'http://localhost:8000/v1' */
  readonly baseURL: string;
  readonly model: string;
  readonly apiKey?: string;
  readonly temperature: number;
  readonly maxTokens: number;
  /** Requests in flight (default 4). */
  readonly concurrency?: number;
  /** Per attempt (default 300 s). */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
}

/** One sampling request: `n` completions of `messages` with a fixed `seed` (servers that honour seeds repeat them). */
export interface RolloutRequest {
  readonly messages: readonly ChatMessage[];
  readonly n: number;
  readonly seed: number;
}

export interface RolloutStats {
  /** Requests answered from the cache. */
  cached: number;
  /** Requests sent (each may take several HTTP attempts). */
  asked: number;
  attempts: number;
  retries: number;
}

export interface RolloutClient {
  readonly stats: RolloutStats;
  sample(req: RolloutRequest, signal?: AbortSignal): Promise<string[]>;
}

const replySchema = z.object({
  choices: z.array(z.object({ index: z.number().int().optional(), message: z.object({ content: z.string().nullable().optional() }) })),
});

/** Thrown when a server returns fewer choices than asked (it ignores `n`): not retried, since asking again cannot help. */
export class ChoicesError extends Error {
  override readonly name = 'ChoicesError';
}

/** The cache key of a request: model, messages, n, seed, temperature and max tokens. */
export function rolloutKey(model: string, req: RolloutRequest, params: { temperature: number; maxTokens: number }): string {
  return cacheKey({ model, template: 'ifkit-hppt-rollout/v1', inputs: { messages: req.messages, n: req.n, seed: req.seed }, params });
}

/**
 * @example const client = createRolloutClient({ baseURL, model, temperature: 1, maxTokens: 256 }, openReplyCache('rollouts.jsonl'))
 */
export function createRolloutClient(config: RolloutClientConfig, cache: ReplyCache, hooks: { onRetry?: (e: RetryEvent) => void } = {}): RolloutClient {
  if (!/^https?:\/\//.test(config.baseURL)) throw new Error(`rollout server URL must start with http:// or https://, got "${config.baseURL}" (e.g. http://localhost:8000/v1)`);
  const openai = new OpenAI({ baseURL: config.baseURL, apiKey: config.apiKey ?? judgeApiKeyFromEnv() ?? 'no-key', timeout: config.timeoutMs ?? 300_000, maxRetries: 0 });
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...config.retry };
  const limit = createLimiter(config.concurrency ?? 4);
  const rng = createRng(0);
  const params = { temperature: config.temperature, maxTokens: config.maxTokens };
  const stats: RolloutStats = { cached: 0, asked: 0, attempts: 0, retries: 0 };

  const attempt = async (req: RolloutRequest, signal?: AbortSignal): Promise<string[]> => {
    stats.attempts++;
    const body = {
      model: config.model,
      messages: req.messages.map((m) => ({ role: m.role, content: m.content })),
      n: req.n,
      seed: req.seed,
      temperature: params.temperature,
      max_tokens: params.maxTokens,
    };
    const parsed = replySchema.safeParse(await openai.chat.completions.create(body, signal ? { signal } : {}));
    if (!parsed.success) throw new Error(`rollout server ${config.baseURL} sent a reply without choices[].message: ${parsed.error.issues[0]!.message}`);
    const choices = [...parsed.data.choices].sort((a, b) => (a.index ?? 0) - (b.index ?? 0)).map((c) => c.message.content ?? '');
    if (choices.length < req.n) {
      throw new ChoicesError(`rollout server ${config.baseURL} returned ${choices.length} choice(s) for n=${req.n}; it ignores n: rerun with --samples-per-request 1`);
    }
    return choices.slice(0, req.n);
  };

  return {
    stats,
    async sample(req, signal) {
      const key = rolloutKey(config.model, req, params);
      const hit = cache.get(key);
      if (hit) {
        stats.cached++;
        return JSON.parse(hit.reply) as string[];
      }
      stats.asked++;
      const choices = await limit(() =>
        withRetries(() => attempt(req, signal), policy, {
          rng,
          ...(signal ? { signal } : {}),
          onRetry: (e) => {
            stats.retries++;
            hooks.onRetry?.(e);
          },
        }),
      ).catch((e: unknown) => {
        if (!(e instanceof JudgeRequestError)) throw e;
        const detail = e.cause instanceof Error ? e.cause.message : String(e.cause);
        const hint = e.failure.retryable
          ? 'the server kept failing; check it is up or lower --concurrency, then rerun (finished requests are cached)'
          : 'not retried: check --server, --model, --max-tokens and the API key (IFKIT_JUDGE_API_KEY or OPENAI_API_KEY)';
        throw new Error(`rollout request to ${config.baseURL} failed after ${e.attempts} attempt(s) (${e.failure.reason}: ${detail}); ${hint}`, { cause: e });
      });
      cache.put({ key, model: config.model, reply: JSON.stringify(choices), at: new Date().toISOString() });
      return choices;
    },
  };
}
