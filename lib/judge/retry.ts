import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { Rng } from '../stats/rng';

/**
 * Our retry policy, applied by `withRetries`. The openai client's own retries are switched off (`maxRetries: 0`):
 * it would retry 408/409/429/5xx and connection errors twice with 0.5–8 s backoff and Math.random() jitter, hidden
 * from our request counts and not seeded. Here every attempt is counted and the jitter is drawn from a seeded Rng.
 */
export interface RetryPolicy {
  /** Retries after the first attempt (so up to maxRetries + 1 requests). */
  readonly maxRetries: number;
  /** Delay before the first retry; doubles each retry. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Fraction of each delay drawn at random ("equal jitter" for 0.5): delay × (1 − jitter × u), u ~ U[0,1). */
  readonly jitter: number;
  /** A server's Retry-After (429/503) is obeyed up to this many ms; longer waits fall back to our backoff. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 6, baseDelayMs: 1000, maxDelayMs: 60_000, jitter: 0.5, maxRetryAfterMs: 120_000 };

/** Why a request failed and whether asking again can help. */
export interface FailureClass {
  readonly retryable: boolean;
  /** 'timeout' | 'connection' | 'http-429' | 'http-503' | 'aborted' | ... */
  readonly reason: string;
  readonly retryAfterMs?: number;
}

function retryAfterMs(headers: Headers | undefined): number | undefined {
  const ms = Number(headers?.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms >= 0 && headers?.get('retry-after-ms')) return ms;
  const after = headers?.get('retry-after');
  if (!after) return undefined;
  const s = Number(after);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * A 200 reply that is no chat completion: an HTML page from a proxy, JSON cut off mid-stream, `{"object": "error"}`
 * from an overloaded server. Transient like a 5xx, so it is retried like one.
 */
export class BadReplyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadReplyError';
  }
}

/**
 * Retry on timeouts, dropped connections, 408, 429, 5xx and garbage 200 replies; never on other 4xx (a bad request
 * stays bad) or on an abort.
 */
export function classifyFailure(error: unknown): FailureClass {
  if (error instanceof APIUserAbortError) return { retryable: false, reason: 'aborted' };
  if (error instanceof BadReplyError) return { retryable: true, reason: 'bad-reply' };
  if (error instanceof APIConnectionTimeoutError) return { retryable: true, reason: 'timeout' };
  if (error instanceof APIConnectionError) return { retryable: true, reason: 'connection' };
  if (error instanceof APIError && typeof error.status === 'number') {
    const s = error.status;
    const retryable = s === 408 || s === 429 || s >= 500;
    const after = retryAfterMs(error.headers);
    return { retryable, reason: `http-${s}`, ...(after !== undefined ? { retryAfterMs: after } : {}) };
  }
  if (error instanceof Error && error.name === 'AbortError') return { retryable: false, reason: 'aborted' };
  // A socket cut while the body streams in surfaces as a bare TypeError('terminated') from undici.
  if (error instanceof TypeError && /terminated|socket|ECONNRESET/i.test(error.message)) return { retryable: true, reason: 'connection' };
  return { retryable: false, reason: error instanceof Error ? error.name : 'unknown' };
}

/** Exponential backoff with jitter for retry number `retry` (0 = first retry). */
export function backoffDelayMs(retry: number, policy: RetryPolicy, rng: Rng): number {
  const full = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return full * (1 - policy.jitter * rng.next());
}

/** Resolves after ms, or rejects when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A retry that is about to happen. */
export interface RetryEvent {
  readonly retry: number;
  readonly delayMs: number;
  readonly failure: FailureClass;
  readonly error: unknown;
}

/** Thrown when every attempt failed or the failure cannot be retried; `cause` is the last error. */
export class JudgeRequestError extends Error {
  constructor(
    readonly failure: FailureClass,
    readonly attempts: number,
    cause: unknown,
  ) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    const hint = failure.retryable
      ? 'the server kept failing; check it is up, lower --concurrency or raise the retry limit, then rerun (cached verdicts are kept)'
      : 'this error is not retried; check the base URL, model name and API key (IFKIT_JUDGE_API_KEY or OPENAI_API_KEY)';
    super(`judge request failed after ${attempts} attempt(s) (${failure.reason}: ${detail}); ${hint}`, { cause });
    this.name = 'JudgeRequestError';
  }
}

/**
 * Runs `attempt` until it succeeds, retrying retryable failures with backoff (Retry-After obeyed when given).
 * @example await withRetries(() => client.chat.completions.create(...), policy, { rng })
 */
export async function withRetries<T>(
  attempt: (n: number) => Promise<T>,
  policy: RetryPolicy,
  opts: { rng: Rng; signal?: AbortSignal; onRetry?: (e: RetryEvent) => void },
): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      const failure = classifyFailure(error);
      if (failure.reason === 'aborted' || opts.signal?.aborted) throw error;
      if (!failure.retryable || n >= policy.maxRetries) throw new JudgeRequestError(failure, n + 1, error);
      const fromServer = failure.retryAfterMs !== undefined && failure.retryAfterMs <= policy.maxRetryAfterMs;
      const delayMs = fromServer ? failure.retryAfterMs! : backoffDelayMs(n, policy, opts.rng);
      opts.onRetry?.({ retry: n, delayMs, failure, error });
      await sleep(delayMs, opts.signal);
    }
  }
}
