import OpenAI from 'openai';
import { z } from 'zod';
import { createRng } from '../stats/rng';
import { createLimiter } from './limit';
import { BadReplyError, DEFAULT_RETRY_POLICY, type RetryEvent, type RetryPolicy, withRetries } from './retry';

/** Where and how to ask an OpenAI-compatible chat server (vLLM, Ollama, llama.cpp server, hosted APIs). */
export interface JudgeClientConfig {
  /** e.g. 'http://localhost:8000/v1' */
  readonly baseURL: string;
  readonly model: string;
  /** Defaults to IFKIT_JUDGE_API_KEY, then OPENAI_API_KEY, then a dummy key (local servers ignore it). */
  readonly apiKey?: string;
  /** 0 by default, as VerIF's judge. */
  readonly temperature?: number;
  readonly maxTokens?: number;
  /** Requests in flight at once (default 4). */
  readonly concurrency?: number;
  /** Per attempt (default 120 s: reasoning judges think for a while). */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** Seeds the backoff jitter. */
  readonly seed?: number;
}

export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** Live counters, for tests and progress bars. */
export interface ClientStats {
  /** HTTP attempts made, retries included. */
  requests: number;
  retries: number;
  /** Requests that failed for good. */
  failures: number;
}

/** A chat client that only does I/O: messages in, reply text out. */
export interface JudgeClient {
  readonly model: string;
  /** The settings that change a reply; part of every cache key. */
  readonly params: { readonly temperature: number; readonly maxTokens: number | null };
  readonly stats: ClientStats;
  complete(messages: readonly ChatMessage[], signal?: AbortSignal): Promise<string>;
}

/** The judge API key from the environment, if any. */
export function judgeApiKeyFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.IFKIT_JUDGE_API_KEY || env.OPENAI_API_KEY || undefined;
}

const replySchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable().optional() }) })).min(1),
});

/**
 * An OpenAI-compatible chat client with our retry policy, a concurrency limit and a per-attempt timeout.
 * @example const client = createJudgeClient({ baseURL: 'http://localhost:8000/v1', model: 'Qwen/Qwen3-32B' })
 */
export function createJudgeClient(config: JudgeClientConfig, hooks: { onRetry?: (e: RetryEvent) => void } = {}): JudgeClient {
  if (!/^https?:\/\//.test(config.baseURL)) {
    throw new Error(`judge base URL must start with http:// or https://, got "${config.baseURL}" (e.g. http://localhost:8000/v1)`);
  }
  const openai = new OpenAI({
    baseURL: config.baseURL,
    apiKey: config.apiKey ?? judgeApiKeyFromEnv() ?? 'no-key',
    timeout: config.timeoutMs ?? 120_000,
    maxRetries: 0,
  });
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...config.retry };
  const rng = createRng(config.seed ?? 0);
  const limit = createLimiter(config.concurrency ?? 4);
  const params = { temperature: config.temperature ?? 0, maxTokens: config.maxTokens ?? null };
  const stats: ClientStats = { requests: 0, retries: 0, failures: 0 };

  const attempt = async (messages: readonly ChatMessage[], signal?: AbortSignal): Promise<string> => {
    stats.requests++;
    const body = {
      model: config.model,
      messages: messages.map((m) => ({ role: m.role, content: m.content })),
      temperature: params.temperature,
      ...(params.maxTokens !== null ? { max_tokens: params.maxTokens } : {}),
    };
    let raw: unknown;
    try {
      raw = await openai.chat.completions.create(body, signal ? { signal } : {});
    } catch (e) {
      // The SDK parses a 200 body as JSON when the server says it is; a truncated one surfaces as a SyntaxError.
      if (e instanceof SyntaxError) throw new BadReplyError(`judge server ${config.baseURL} sent a 200 reply that is not valid JSON (${e.message})`);
      throw e;
    }
    const parsed = replySchema.safeParse(raw);
    if (!parsed.success) {
      throw new BadReplyError(`judge server ${config.baseURL} sent a 200 reply without choices[0].message: ${JSON.stringify(raw).slice(0, 200)}`);
    }
    return parsed.data.choices[0]!.message.content ?? '';
  };

  return {
    model: config.model,
    params,
    stats,
    complete: (messages, signal) =>
      limit(async () => {
        // A run that stopped while this request waited for a slot sends nothing.
        signal?.throwIfAborted();
        const scoped = scopedSignal(signal);
        try {
          return await withRetries(() => attempt(messages, scoped.signal), policy, {
            rng,
            ...(scoped.signal ? { signal: scoped.signal } : {}),
            onRetry: (e) => {
              stats.retries++;
              hooks.onRetry?.(e);
            },
          });
        } catch (e) {
          // A request stopped because the run stopped did not fail.
          if (!scoped.signal?.aborted) stats.failures++;
          throw e;
        } finally {
          scoped.release();
        }
      }),
  };
}

/**
 * A child of a run-wide signal for one request. The openai client adds an abort listener to the signal it is given
 * and never removes it, so handing it the run's signal left one listener per request on it
 * (MaxListenersExceededWarning after ten); the child carries those, and its one link to the parent is removed.
 */
function scopedSignal(parent: AbortSignal | undefined): { signal: AbortSignal | undefined; release: () => void } {
  if (!parent) return { signal: undefined, release: () => undefined };
  const child = new AbortController();
  const forward = (): void => child.abort(parent.reason);
  parent.addEventListener('abort', forward, { once: true });
  return { signal: child.signal, release: () => parent.removeEventListener('abort', forward) };
}
