/**
 * A log that keeps a flood short: at most `perWindow` lines per window, then one line saying how many were left out.
 * The server logs every 4xx through it, so a trainer sending a broken label ten thousand times a minute leaves a
 * readable trace instead of ten thousand lines.
 */

export interface RateLimitedLogOptions {
  readonly perWindow?: number;
  readonly windowMs?: number;
  /** Milliseconds clock, injectable for tests. */
  readonly now?: () => number;
  /** What the suppressed lines were, for the summary line (e.g. "4xx replies"). */
  readonly what?: string;
}

/** @example const log = rateLimitedLog(console.error, { perWindow: 20 }); log('400 /verify: ...') */
export function rateLimitedLog(write: (line: string) => void, opts: RateLimitedLogOptions = {}): (line: string) => void {
  const perWindow = opts.perWindow ?? 20;
  const windowMs = opts.windowMs ?? 10_000;
  const now = opts.now ?? Date.now;
  let windowStart = -Infinity;
  let written = 0;
  let dropped = 0;
  return (line) => {
    const t = now();
    if (t - windowStart >= windowMs) {
      if (dropped > 0) write(`... ${dropped} more ${opts.what ?? 'lines'} not logged in ${windowMs / 1000} s`);
      windowStart = t;
      written = 0;
      dropped = 0;
    }
    if (written < perWindow) {
      written++;
      write(line);
    } else dropped++;
  };
}
