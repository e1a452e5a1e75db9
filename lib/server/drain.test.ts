import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../data/paths';
import { post } from './fixtures/http-client';
import { startRewardServer } from './server';

const PLUGIN = join(__dirname, 'fixtures', 'test-constraints.ts');
const IFKIT = join(projectRoot(), 'bin', 'ifkit.js');

async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sleepItem = (ms: number, started: string) => ({ response: 'zzz', instruction_id_list: ['test:sleep'], kwargs: [{ ms, started }] });

describe('draining (library)', () => {
  it('finishes the in-flight request, refuses new connections, then closes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ifkit-drain-'));
    const server = await startRewardServer({ workers: 1, plugins: [PLUGIN] });
    const started = join(dir, 'started');
    const slow = post(server.url, '/verify', sleepItem(600, started));
    await waitFor(() => existsSync(started), 'the slow check to start');
    const drained = server.drain(20_000);
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
    expect(await slow).toMatchObject({ status: 200, json: { reward: 1, status: 'ok' } });
    expect(await drained).toBe(0);
  });

  it('gives up after its timeout and says how many requests were cut', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ifkit-drain-'));
    const server = await startRewardServer({ workers: 1, plugins: [PLUGIN], checkTimeoutMs: 60_000 });
    const started = join(dir, 'started');
    const slow = post(server.url, '/verify', sleepItem(5_000, started)).catch((e: unknown) => e);
    await waitFor(() => existsSync(started), 'the slow check to start');
    expect(await server.drain(100)).toBe(1);
    expect(await slow).toBeInstanceOf(Error);
  });
});

describe('ifkit serve (a real process)', () => {
  let child: ChildProcessWithoutNullStreams | undefined;
  afterEach(() => void child?.kill('SIGKILL'));

  function serve(args: string[], env: Record<string, string> = {}): { child: ChildProcessWithoutNullStreams; out: () => string; err: () => string; exit: Promise<number | null> } {
    const c = spawn(process.execPath, [IFKIT, 'serve', '--port', '0', '--workers', '1', ...args], { env: { ...process.env, ...env } });
    child = c;
    let out = '';
    let err = '';
    c.stdout.on('data', (d: Buffer) => (out += d.toString()));
    c.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exit = new Promise<number | null>((resolve) => c.on('exit', (code) => resolve(code)));
    return { child: c, out: () => out, err: () => err, exit };
  }

  it('on SIGTERM answers the request in flight, then exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ifkit-drain-'));
    const p = serve(['--plugin', PLUGIN]);
    await waitFor(() => /reward server on http:\/\/\S+:\d+/.test(p.out()), 'the start-up banner');
    const url = /reward server on (http:\/\/\S+:\d+)/.exec(p.out())![1]!;
    const started = join(dir, 'started');
    const slow = post(url, '/verify', sleepItem(800, started));
    await waitFor(() => existsSync(started), 'the slow check to start');
    p.child.kill('SIGTERM');
    expect(await slow).toMatchObject({ status: 200, json: { reward: 1 } });
    expect(await p.exit).toBe(0);
    expect(p.out()).toMatch(/SIGTERM: draining 1 request in flight/);
  });

  it('refuses to bind 0.0.0.0 without a key, and prints reachable URLs (never 0.0.0.0) with one', async () => {
    const refused = serve(['--host', '0.0.0.0']);
    expect(await refused.exit).toBe(1);
    expect(refused.err()).toMatch(/refusing to listen on 0\.0\.0\.0 without an API key/);
    const keyed = serve(['--host', '0.0.0.0'], { IFKIT_API_KEY: 'test-key-0123456789' });
    await waitFor(() => /OpenRLHF:/.test(keyed.out()), 'the start-up banner');
    expect(keyed.out()).not.toMatch(/0\.0\.0\.0/);
    expect(keyed.out()).toMatch(/get_reward\?key=<your key>/);
    expect(keyed.out()).not.toMatch(/test-key-0123456789/);
    keyed.child.kill('SIGTERM');
    expect(await keyed.exit).toBe(0);
  });

  it.each<[string[], RegExp]>([
    [['--max-body-mb', 'abc'], /--max-body-mb must be a number > 0 \(e\.g\. 0\.5, 16\), got "abc"/],
    [['--max-body-mb', '-5'], /--max-body-mb must be a number > 0/],
    [['--drain-timeout-s', 'soon'], /--drain-timeout-s must be a non-negative integer/],
    [['--workers', '0'], /--workers must be a positive integer/],
  ])('refuses %j before starting anything', async (args, message) => {
    const p = serve(args);
    expect(await p.exit).toBe(1);
    expect(p.err()).toMatch(message);
    expect(p.out()).not.toMatch(/reward server on/);
  });
});
