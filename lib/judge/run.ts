import type { Judge, JudgeRequest, JudgeVerdict } from './types';

/** Progress of a judging run. */
export interface JudgeProgress {
  readonly done: number;
  readonly total: number;
}

/**
 * Judges every request (concurrency is the client's business) and returns one verdict list per request, in order.
 * The first failure stops the run at once: requests in flight are aborted and queued ones never sent (replies
 * already received stay in the judge's cache, so a rerun resumes). A judge that returns the wrong number of
 * verdicts is a bug and throws.
 * @example const verdicts = await judgeAll(judge, requests, { onProgress: ({ done, total }) => bar.update(done) })
 */
export async function judgeAll(
  judge: Judge,
  requests: readonly JudgeRequest[],
  opts: { signal?: AbortSignal; onProgress?: (p: JudgeProgress) => void } = {},
): Promise<JudgeVerdict[][]> {
  const total = requests.length;
  let done = 0;
  const stop = new AbortController();
  const outer = opts.signal;
  const forward = (): void => stop.abort(outer!.reason);
  if (outer?.aborted) forward();
  else outer?.addEventListener('abort', forward, { once: true });
  opts.onProgress?.({ done, total });
  try {
    return await Promise.all(
      requests.map(async (req, i) => {
        const verdicts = await judge.judge(req, stop.signal);
        if (verdicts.length !== req.constraints.length) {
          throw new Error(`judge ${judge.name} returned ${verdicts.length} verdicts for request ${i} with ${req.constraints.length} constraints`);
        }
        opts.onProgress?.({ done: ++done, total });
        return verdicts;
      }),
    );
  } catch (e) {
    stop.abort(e);
    throw e;
  } finally {
    outer?.removeEventListener('abort', forward);
  }
}
