import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pidAlive, processStart } from '../data/pids';
import { describeHolder, tryLock, waitForLock, type LockHolder } from './lock';

const root = mkdtempSync(join(tmpdir(), 'ifkit-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
const fresh = (): string => join(root, `lock-${n++}`);
const holderIn = (path: string): LockHolder => JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
/** A lock file as another process would have left it. */
function planted(path: string, h: Partial<LockHolder>, ageMs = 0): void {
  writeFileSync(path, JSON.stringify({ pid: process.pid, host: hostname(), since: '2026-01-01T00:00:00.000Z', what: 'job elsewhere', ...h }));
  const t = new Date(Date.now() - ageMs);
  utimesSync(path, t, t);
}
/** The pid of a process that has exited (and been reaped). */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid!;

describe('tryLock', () => {
  it('gives the lock to one holder at a time and says who holds it', () => {
    const path = fresh();
    const first = tryLock(path, 'job a/b/seed-1');
    expect('lock' in first).toBe(true);
    expect(holderIn(path)).toEqual({ pid: process.pid, host: hostname(), since: expect.any(String) as unknown, what: 'job a/b/seed-1', start: processStart(process.pid), token: expect.any(String) as unknown });
    const second = tryLock(path, 'job a/b/seed-1');
    expect(second).toEqual({ holder: expect.objectContaining({ pid: process.pid, what: 'job a/b/seed-1' }) as unknown });
    if ('holder' in second) expect(describeHolder(path, second.holder)).toContain(`job a/b/seed-1 holds ${path} (pid ${process.pid} on host ${hostname()}`);
    if ('lock' in first) first.lock.release();
    expect(existsSync(path)).toBe(false);
    const third = tryLock(path, 'job a/b/seed-1');
    expect('lock' in third).toBe(true);
    if ('lock' in third) third.lock.release();
  });

  it('takes over a lock whose pid is dead on this host, not one whose pid lives', () => {
    const dead = fresh();
    planted(dead, { pid: deadPid() });
    const got = tryLock(dead, 'me');
    expect('lock' in got).toBe(true);
    expect(holderIn(dead).pid).toBe(process.pid);
    if ('lock' in got) got.lock.release();

    const live = fresh();
    planted(live, { pid: process.ppid, start: processStart(process.ppid)! }, 3_600_000); // alive, however old its heartbeat
    expect(tryLock(live, 'me')).toEqual({ holder: expect.objectContaining({ pid: process.ppid }) as unknown });
    expect(holderIn(live).pid).toBe(process.ppid);

    // a pid reused by a later process (a container restarted under the same hostname starts its pids again)
    const reused = fresh();
    planted(reused, { pid: process.ppid, start: '1' });
    const got2 = tryLock(reused, 'me');
    expect('lock' in got2).toBe(true);
    if ('lock' in got2) got2.lock.release();
  });

  it('takes over a lock of another host only when its heartbeat is older than staleAfterMs', () => {
    const path = fresh();
    planted(path, { host: 'node-17', pid: 4242 }, 5_000);
    expect(tryLock(path, 'me', { staleAfterMs: 60_000 })).toEqual({ holder: expect.objectContaining({ host: 'node-17' }) as unknown });
    planted(path, { host: 'node-17', pid: 4242 }, 120_000);
    const got = tryLock(path, 'me', { staleAfterMs: 60_000 });
    expect('lock' in got).toBe(true);
    if ('lock' in got) got.lock.release();
  });

  it('release leaves a lock that is no longer its own', () => {
    const path = fresh();
    const got = tryLock(path, 'me');
    planted(path, { pid: process.ppid, what: 'the new holder' });
    if ('lock' in got) got.lock.release();
    expect(holderIn(path).what).toBe('the new holder');
  });

  it('is released when its process exits, and left behind (stale) when it is killed', () => {
    const code = (exit: string) => `const { tryLock } = require('./lib/lab/lock.ts'); tryLock(process.argv[1], 'child'); ${exit}`;
    const exited = fresh();
    spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', code('process.exit(3)'), exited], { cwd: join(__dirname, '..', '..') });
    expect(existsSync(exited)).toBe(false);
    const killed = fresh();
    const r = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', code("process.kill(process.pid, 'SIGKILL')"), killed], { cwd: join(__dirname, '..', '..') });
    expect(r.signal).toBe('SIGKILL');
    expect(holderIn(killed).what).toBe('child');
    expect(pidAlive(holderIn(killed).pid)).toBe(false);
    const got = tryLock(killed, 'me');
    expect('lock' in got).toBe(true);
    if ('lock' in got) got.lock.release();
  });
});

describe('waitForLock', () => {
  it('waits while a live process holds the lock, telling who, then takes it', async () => {
    const path = fresh();
    planted(path, { pid: process.ppid, what: 'warm start abc' });
    const told: LockHolder[] = [];
    setTimeout(() => rmSync(path), 150);
    const lock = await waitForLock(path, 'me', { pollMs: 20, onWait: (h) => told.push(h) });
    expect(told.map((h) => h.what)).toEqual(['warm start abc']);
    expect(holderIn(path).pid).toBe(process.pid);
    lock.release();
  });
});
