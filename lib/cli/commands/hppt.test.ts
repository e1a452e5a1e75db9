import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../data/paths';
import { startFakeChatServer, type FakeChatServer } from '../../judge/fake-chat-server';
import { rolloutKey } from '../../hppt/rollout-client';

// The real CLI (bin/ifkit.js) in a child process against a scripted server on loopback, killed with SIGKILL mid-run.

const PROMPTS = 12;
let server: FakeChatServer;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ifkit-hppt-cli-'));
  const rows = Array.from({ length: PROMPTS }, (_, i) => ({ key: `p${i}`, prompt: `Prompt ${i}: name a color.`, instruction_id_list: ['punctuation:no_comma'], kwargs: [null] }));
  writeFileSync(join(dir, 'data.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  // Replies depend only on the request (prompt and seed), slowly, so a kill lands mid-run.
  server = await startFakeChatServer((req) => ({ replies: [Number(req.body.seed) % 3 === 0 ? 'red, green' : 'blue'], delayMs: 120 }));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function pilot(out: string): ReturnType<typeof spawn> {
  const args = ['hppt', 'pilot', join(dir, 'data.jsonl'), '--server', server.baseURL, '--model', 'm', '--n', '2', '--samples-per-request', '1', '--max-tokens', '8', '--concurrency', '2', '--out', out, '--quiet'];
  return spawn(process.execPath, [join(projectRoot(), 'bin', 'ifkit.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}
const finished = (child: ReturnType<typeof spawn>): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> =>
  new Promise((resolve) => {
    let stdout = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (stdout += c.toString()));
    child.on('close', (code, signal) => resolve({ code, signal, stdout }));
  });
const cachedKeys = (out: string): Set<string> =>
  new Set(readFileSync(join(out, 'rollout-cache.jsonl'), 'utf8').split('\n').flatMap((l) => { try { return [(JSON.parse(l) as { key: string }).key]; } catch { return []; } }));
const keyOf = (r: FakeChatServer['requests'][number]): string =>
  rolloutKey('m', { messages: r.body.messages as never, n: Number(r.body.n), seed: Number(r.body.seed) }, { temperature: 1, maxTokens: 8 });
const results = (out: string) =>
  readFileSync(join(out, 'pilot.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { key: string; rewards: number[]; responses: string[] }).sort((a, b) => a.key.localeCompare(b.key));

describe('ifkit hppt pilot on VerInstruct rows', () => {
  it("never runs the dataset's Python without --run-untrusted-code; with it, runs it in the sandbox", async () => {
    const marker = join(dir, 'ran.txt');
    const fn = `def check_following(instruction, response):\n    open(${JSON.stringify(marker)}, "w").close()\n    return True\n`;
    writeFileSync(join(dir, 'vi.jsonl'), JSON.stringify({ id: 'v1', prompt: 'Say hi.', checkers: ['[rule] Marker'], functions: [fn] }) + '\n');
    const args = (out: string, ...extra: string[]) => ['hppt', 'pilot', join(dir, 'vi.jsonl'), '--server', server.baseURL, '--model', 'm', '--n', '1', '--out', join(dir, out), '--quiet', ...extra];
    const sent = server.requests.length;
    const off = await finished(spawn(process.execPath, [join(projectRoot(), 'bin', 'ifkit.js'), ...args('vi-off')], { stdio: ['ignore', 'pipe', 'pipe'] }));
    expect(off.code).toBe(0);
    expect(off.stdout).toMatch(/skipped .*vi\.jsonl:1: prompt "v1" has 1 rule\(s\) given as Python from the dataset \(Marker\), not run by default; rerun with --run-untrusted-code/);
    expect(existsSync(marker)).toBe(false);
    expect(server.requests.length).toBe(sent);
    const on = await finished(spawn(process.execPath, [join(projectRoot(), 'bin', 'ifkit.js'), ...args('vi-on', '--run-untrusted-code')], { stdio: ['ignore', 'pipe', 'pipe'] }));
    expect(on.stdout).toMatch(/running the dataset's Python rules in a python3 sandbox/);
    expect(on.stdout).toMatch(/pilot: 1 prompts piloted/);
    expect(existsSync(marker)).toBe(true);
  }, 60_000);
});

describe('ifkit hppt pilot, killed with SIGKILL', () => {
  it('resumes without repeating a finished request and ends with the results of an uninterrupted run', async () => {
    const out = join(dir, 'killed');
    const first = pilot(out);
    const firstDone = finished(first);
    // wait until several replies are cached, then kill -9
    for (let t = 0; t < 600 && !(existsSync(join(out, 'rollout-cache.jsonl')) && cachedKeys(out).size >= 6); t++) await new Promise((r) => setTimeout(r, 50));
    first.kill('SIGKILL');
    expect((await firstDone).signal).toBe('SIGKILL');
    const cachedAfterKill = cachedKeys(out);
    const sentBeforeKill = server.requests.length;
    expect(cachedAfterKill.size).toBeGreaterThanOrEqual(6);
    expect(cachedAfterKill.size).toBeLessThan(2 * PROMPTS);

    const second = await finished(pilot(out));
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/resuming: \d+ prompts done, \d+ requests cached/);
    const resent = server.requests.slice(sentBeforeKill).map(keyOf);
    expect(resent.filter((k) => cachedAfterKill.has(k))).toEqual([]);
    expect(new Set([...cachedAfterKill, ...resent]).size).toBe(2 * PROMPTS);
    expect(cachedKeys(out).size).toBe(2 * PROMPTS);

    const clean = join(dir, 'clean');
    expect((await finished(pilot(clean))).code).toBe(0);
    const [a, b] = [results(out), results(clean)];
    expect(a.map((r) => r.key)).toEqual(Array.from({ length: PROMPTS }, (_, i) => `p${i}`).sort());
    expect(a).toEqual(b);
    // a third run sends nothing at all
    const before = server.requests.length;
    expect((await finished(pilot(out))).stdout).toMatch(/0 requests sent/);
    expect(server.requests.length).toBe(before);
  }, 120_000);
});
