import { cacheKey, type ReplyCache } from './cache';
import type { JudgeClient } from './client';
import { parseVerdictList, parseYesNo } from './parse';
import { loadTemplate, numberedList, renderTemplate } from './prompts';
import { JudgeRequestError } from './retry';
import type { Judge, JudgeMode, JudgeRequest, JudgeVerdict } from './types';

export interface LlmJudgeOptions {
  readonly client: JudgeClient;
  readonly cache: ReplyCache;
  readonly mode: JudgeMode;
  /** Template text; the shipped one for the mode by default. */
  readonly template?: string;
  /**
   * What a request that failed for good becomes: 'throw' (default) stops the run, which a rerun resumes from the
   * cache; 'invalid' records an invalid verdict (not cached, so a rerun asks again) and carries on.
   */
  readonly onFailure?: 'throw' | 'invalid';
}

/** Counters of one judge, for reports and tests. */
export interface LlmJudgeStats {
  /** Questions answered from the cache without a request. */
  cacheHits: number;
  /** Questions sent to the server (each may take several HTTP attempts, see client.stats). */
  asked: number;
  /** Questions that joined an identical question already in flight. */
  joined: number;
  /** Questions that failed for good and became 'invalid' (onFailure: 'invalid'). */
  failed: number;
}

/**
 * A judge backed by an OpenAI-compatible chat server: per-constraint (one call per constraint), batched (one call
 * per prompt, a verdict each) or single-score (one verdict for all, copied to every constraint, as VerIF's llm_score).
 * @example const judge = createLlmJudge({ client, cache: openReplyCache('cache.jsonl'), mode: 'batched' })
 */
export function createLlmJudge(opts: LlmJudgeOptions): Judge & { readonly stats: LlmJudgeStats } {
  const { client, cache, mode } = opts;
  const template = opts.template ?? loadTemplate(mode);
  const stats: LlmJudgeStats = { cacheHits: 0, asked: 0, joined: 0, failed: 0 };
  // Two identical questions in flight at once are asked once.
  const inFlight = new Map<string, Promise<string>>();

  const ask = async (inputs: Record<string, string>, signal?: AbortSignal): Promise<string | undefined> => {
    const key = cacheKey({ model: client.model, template, inputs, params: client.params });
    const hit = cache.get(key);
    if (hit) {
      stats.cacheHits++;
      return hit.reply;
    }
    let pending = inFlight.get(key);
    if (pending) stats.joined++;
    else {
      stats.asked++;
      pending = client.complete([{ role: 'user', content: renderTemplate(template, inputs) }], signal).then((reply) => {
        cache.put({ key, model: client.model, reply, at: new Date().toISOString() });
        return reply;
      });
      inFlight.set(key, pending);
      void pending.catch(() => undefined).finally(() => inFlight.delete(key));
    }
    try {
      return await pending;
    } catch (e) {
      if (opts.onFailure === 'invalid' && e instanceof JudgeRequestError) {
        stats.failed++;
        return undefined;
      }
      throw e;
    }
  };

  const judge = async (req: JudgeRequest, signal?: AbortSignal): Promise<JudgeVerdict[]> => {
    const base = { prompt: req.prompt, response: req.response };
    const n = req.constraints.length;
    if (n === 0) return [];
    switch (mode) {
      case 'per-constraint':
        return Promise.all(
          req.constraints.map(async (c) => {
            const reply = await ask({ ...base, instruction: c.instruction, count: '1' }, signal);
            return reply === undefined ? 'invalid' : parseYesNo(reply);
          }),
        );
      case 'batched': {
        const reply = await ask({ ...base, constraints: numberedList(req.constraints.map((c) => c.instruction)), count: String(n) }, signal);
        return reply === undefined ? new Array<JudgeVerdict>(n).fill('invalid') : parseVerdictList(reply, n);
      }
      case 'single-score': {
        const reply = await ask({ ...base, constraints: numberedList(req.constraints.map((c) => c.instruction)), count: String(n) }, signal);
        return new Array<JudgeVerdict>(n).fill(reply === undefined ? 'invalid' : parseYesNo(reply));
      }
    }
  };

  return { name: `openai:${client.model}/${mode}`, judge, stats };
}
