import { request } from 'node:http';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post } from './fixtures/http-client';
import { startRewardServer, type RewardServer } from './server';

const LIMIT = 16 * 1024 * 1024;
let server: RewardServer;
const logs: string[] = [];
beforeAll(async () => {
  server = await startRewardServer({ workers: 1, maxBodyBytes: LIMIT, onLog: (l) => logs.push(l) });
});
afterAll(() => server.close());

const noComma = { response: 'hello world', instruction_id_list: ['punctuation:no_comma'] };

/** POSTs raw bytes with node:http; resolves with the status, body and ms from the first byte sent to the reply. */
function send(path: string, body: Buffer, headers: Record<string, string> = {}): Promise<{ status: number; text: string; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(body.length), ...headers } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, text, ms: performance.now() - t0 }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('bodies that used to stall the HTTP thread', () => {
  it('rejects a 14 MB body of nested brackets while reading, and answers a concurrent small request promptly', async () => {
    const nested = Buffer.concat([Buffer.from('{"query": ["ab"], "prompts": ["a"], "labels": ['), Buffer.alloc(14 * 1024 * 1024, '[')]);
    const big = send('/get_reward', nested);
    const t0 = performance.now();
    const small = await post(server.url, '/verify', noComma);
    const smallMs = performance.now() - t0;
    const rejected = await big;
    expect(rejected.status).toBe(400);
    expect(JSON.parse(rejected.text)).toMatchObject({ error: { field: '(body)', message: expect.stringContaining('nested deeper than 64 levels') } });
    // Parsing first took 3.4 s and stalled other clients up to 5 s; bounds are loose for a loaded 2-core machine.
    expect(rejected.ms).toBeLessThan(1000);
    expect(small.status).toBe(200);
    expect(smallMs).toBeLessThan(1000);
  });

  it('decodes a gzip body within the limit, refuses a gzip bomb by its decoded size and an unknown encoding with 415', async () => {
    const ok = await send('/verify', gzipSync(JSON.stringify(noComma)), { 'content-encoding': 'gzip' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toMatchObject({ reward: 1 });
    // 32 MB of spaces gzip to 32 KB: the limit applies to what the JSON parser would get.
    const bomb = gzipSync(Buffer.concat([Buffer.from('{"response": "'), Buffer.alloc(32 * 1024 * 1024, ' '), Buffer.from('"}')]));
    expect(bomb.length).toBeLessThan(100_000);
    const refused = await send('/verify', bomb, { 'content-encoding': 'gzip' });
    expect(refused.status).toBe(413);
    expect(refused.text).toMatch(/exceeds 16777216 bytes \(decoded\)/);
    const zstd = await send('/verify', Buffer.from(JSON.stringify(noComma)), { 'content-encoding': 'zstd' });
    expect(zstd.status).toBe(415);
    expect(zstd.text).toMatch(/Content-Encoding \\"zstd\\" is not supported; send the body uncompressed or as gzip, deflate or br/);
    const broken = await send('/verify', Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' });
    expect(broken.status).toBe(400);
    expect(broken.text).toMatch(/could not decode the request body/);
  });
});

describe('what a client that drops error bodies can still learn', () => {
  const errorCount = async (route: string): Promise<number> => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    return Number(new RegExp(`^ifkit_http_errors_total\\{route="${route}",status="400"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  };

  it('logs every 4xx with its route, field and reason, and counts it in /metrics', async () => {
    const before = { getReward: await errorCount('/get_reward'), other: await errorCount('other') };
    logs.length = 0;
    await post(server.url, '/get_reward', { query: ['ab'], prompts: ['a'], labels: ["[{'instruction_id': ['punctuation:no_comas'], 'kwargs': [None]}]"] });
    await post(server.url, '/verify', '{"response": ');
    expect(logs).toEqual([
      expect.stringMatching(/^400 POST \/get_reward labels\[0\]: unknown instruction id "punctuation:no_comas"; nearest registered ids: punctuation:no_comma/),
      expect.stringMatching(/^400 POST \/verify \(body\): not valid JSON/),
    ]);
    // A request node cannot even parse is counted and logged too.
    await new Promise<void>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () => socket.write('BREW /pot HTCPCP/1.0\r\n\r\n'));
      socket.on('data', () => undefined);
      socket.on('close', () => resolve());
    });
    expect(logs[2]).toMatch(/^400 \(malformed HTTP request\)/);
    expect(await errorCount('/get_reward')).toBe(before.getReward + 1);
    expect(await errorCount('other')).toBe(before.other + 1);
  });

  it('answers HEAD /health with the headers of GET and no body', async () => {
    const head = await fetch(`${server.url}/health`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toMatch(/application\/json/);
    expect(await head.text()).toBe('');
    expect((await fetch(`${server.url}/metrics`, { method: 'HEAD' })).status).toBe(405);
  });
});
