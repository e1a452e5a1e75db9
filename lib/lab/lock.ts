import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { pidAlive, processStart } from '../data/pids';

/*
 * A lock on a job directory or on a warm start being trained, so that two sweeps, or a sweep and an orphaned worker
 * of a killed one, never write the same files at once. The lock is a file created exclusively (written under a
 * temporary name, then hard-linked into place: atomic, and safe on NFS, where O_EXCL was not always) holding the
 * holder's pid, start time and host. The holder touches it every `heartbeatMs`. A lock is stale, and taken over,
 * when its process is gone from this host (the pid dead, or reused by a process that started later), or, from another
 * host (a cluster node on a shared filesystem), when its heartbeat is older than `staleAfterMs`. Taking over happens
 * under a second, short-lived lock, so two processes never take over one lock.
 */

export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  /** ISO time the lock was taken. */
  readonly since: string;
  /** What the holder does, for messages ("job judge-precision/recall-1/seed-1"). */
  readonly what: string;
  /** The holder's processStart (Linux): a container restarted under the same hostname reuses pids. */
  readonly start?: string;
}

export interface Lock {
  readonly path: string;
  /** Remove the lock (only if it is still ours); also done when the process exits. */
  release(): void;
}

export interface LockOptions {
  /** A lock of another host is stale after this long without a heartbeat (default 10 min). */
  readonly staleAfterMs?: number;
  /** How often the holder touches its lock (default 30 s). */
  readonly heartbeatMs?: number;
}

const STALE_AFTER_MS = 10 * 60_000;
const HEARTBEAT_MS = 30_000;
/** A takeover guard older than this was left by a process killed while taking over. */
const GUARD_STALE_MS = 60_000;

/** The holder of a lock file as a sentence: who, where, since when, and how to clear it by hand. */
export function describeHolder(path: string, h: LockHolder): string {
  return `${h.what || 'a process'} holds ${path} (pid ${h.pid} on host ${h.host}, since ${h.since}); if that process is gone, delete the file`;
}

function readHolder(path: string): { holder: LockHolder; raw: string; ageMs: number } | undefined {
  let raw: string;
  let ageMs: number;
  try {
    raw = readFileSync(path, 'utf8');
    ageMs = Date.now() - statSync(path).mtimeMs;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    const h = JSON.parse(raw) as Partial<LockHolder>;
    const holder = { pid: Number(h.pid), host: String(h.host), since: String(h.since), what: String(h.what ?? '') };
    return { holder: typeof h.start === 'string' ? { ...holder, start: h.start } : holder, raw, ageMs };
  } catch {
    // not our format (written by hand?): stale only by age
    return { holder: { pid: NaN, host: '?', since: '?', what: '' }, raw, ageMs };
  }
}

function isStale(h: LockHolder, ageMs: number, staleAfterMs: number): boolean {
  if (h.host === hostname() && Number.isInteger(h.pid)) return !pidAlive(h.pid, h.start);
  return ageMs > staleAfterMs;
}

/** Create `path` holding `content` if it does not exist; false if it does. */
function createExclusive(path: string, content: string): boolean {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, content);
  try {
    linkSync(tmp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    unlinkSync(tmp);
  }
}

/** Remove a stale lock, if it still holds `raw`, under a guard. */
function removeStale(path: string, raw: string): void {
  const guard = `${path}.takeover`;
  if (!createExclusive(guard, String(process.pid))) {
    const guardAge = Date.now() - (statSync(guard, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (guardAge > GUARD_STALE_MS) rmSync(guard, { force: true });
    return;
  }
  try {
    if (readHolder(path)?.raw === raw) unlinkSync(path);
  } finally {
    unlinkSync(guard);
  }
}

function holdLock(path: string, content: string, heartbeatMs: number): Lock {
  const beat = setInterval(() => {
    const t = new Date();
    try {
      utimesSync(path, t, t);
    } catch {
      // the lock was removed by hand or taken over: nothing to keep alive
    }
  }, heartbeatMs);
  beat.unref();
  const release = (): void => {
    clearInterval(beat);
    process.off('exit', release);
    try {
      if (readFileSync(path, 'utf8') === content) unlinkSync(path);
    } catch {
      // already gone
    }
  };
  process.on('exit', release);
  return { path, release };
}

/**
 * Take the lock at `path`, or say who holds it; a stale lock is taken over.
 * @example const got = tryLock('runs/x/arm/seed-1/lock', 'job x/arm/seed-1'); if ('holder' in got) skip(describeHolder(path, got.holder))
 */
export function tryLock(path: string, what: string, o: LockOptions = {}): { lock: Lock } | { holder: LockHolder } {
  const start = processStart(process.pid);
  const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), what, ...(start ? { start } : {}) };
  const content = JSON.stringify({ ...me, token: randomBytes(8).toString('hex') }) + '\n';
  let seen: ReturnType<typeof readHolder>;
  for (let attempt = 0; attempt < 5; attempt++) {
    // look before trying: a process waiting on a held lock writes nothing (not even a temporary file) beside it
    seen = readHolder(path);
    if (seen === undefined && createExclusive(path, content)) return { lock: holdLock(path, content, o.heartbeatMs ?? HEARTBEAT_MS) };
    seen ??= readHolder(path);
    if (seen === undefined) continue; // released between our two looks
    if (!isStale(seen.holder, seen.ageMs, o.staleAfterMs ?? STALE_AFTER_MS)) return { holder: seen.holder };
    removeStale(path, seen.raw); // then try again: another process may have taken it over first
  }
  return { holder: seen?.holder ?? { pid: NaN, host: '?', since: '?', what: 'another process' } };
}

/**
 * Take the lock at `path`, waiting while a live process holds it (`onWait` is told who, once per holder).
 * @example const lock = await waitForLock(`${dir}.lock`, 'warm start', { onWait: (h) => log(describeHolder(path, h)) })
 */
export async function waitForLock(path: string, what: string, o: LockOptions & { pollMs?: number; onWait?(holder: LockHolder): void } = {}): Promise<Lock> {
  let told = '';
  for (;;) {
    const got = tryLock(path, what, o);
    if ('lock' in got) return got.lock;
    const who = `${got.holder.pid}@${got.holder.host}`;
    if (who !== told) o.onWait?.(got.holder);
    told = who;
    await new Promise((r) => setTimeout(r, o.pollMs ?? 1000));
  }
}
