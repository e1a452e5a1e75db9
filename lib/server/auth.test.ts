import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reachableUrls } from './addresses';
import { isLoopbackHost } from './auth';
import { post } from './fixtures/http-client';
import { startRewardServer, type RewardServer } from './server';

const KEY = 'k3y-for-tests-0123456789abcdef';
const label = "[{'instruction_id': ['punctuation:no_comma'], 'kwargs': [None]}]";
const sample = { query: ['Q: say hi\nA: hi there'], prompts: ['Q: say hi\nA:'], labels: [label] };

describe('isLoopbackHost', () => {
  it.each<[string, boolean]>([
    ['127.0.0.1', true], ['127.8.9.10', true], ['localhost', true], ['::1', true], ['[::1]', true], ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false], ['::', false], ['10.0.0.5', false], ['192.168.1.2', false], ['my-host', false], ['128.0.0.1', false],
  ])('%s → %s', (host, expected) => expect(isLoopbackHost(host)).toBe(expected));
});

describe('reachableUrls', () => {
  const ifaces = {
    lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }, { address: '::1', family: 'IPv6', internal: true }],
    eth0: [{ address: '10.1.2.3', family: 'IPv4', internal: false }, { address: 'fe80::1', family: 'IPv6', internal: false }, { address: '2001:db8::7', family: 'IPv6', internal: false }],
  } as unknown as Parameters<typeof reachableUrls>[2];

  it('lists external interface addresses for a wildcard bind, never 0.0.0.0', () => {
    expect(reachableUrls('0.0.0.0', 8000, ifaces)).toEqual(['http://10.1.2.3:8000']);
    expect(reachableUrls('::', 8000, ifaces)).toEqual(['http://10.1.2.3:8000', 'http://[2001:db8::7]:8000']);
  });

  it('gives the bound address itself otherwise, and loopback on a machine without a network', () => {
    expect(reachableUrls('10.1.2.3', 81, ifaces)).toEqual(['http://10.1.2.3:81']);
    expect(reachableUrls('0.0.0.0', 81, { lo: ifaces!.lo })).toEqual(['http://127.0.0.1:81']);
  });
});

describe('a server with an API key (real HTTP on loopback)', () => {
  let server: RewardServer;
  beforeAll(async () => {
    server = await startRewardServer({ workers: 1, apiKey: KEY });
  });
  afterAll(() => server.close());

  const call = (path: string, headers: Record<string, string> = {}, body: unknown = sample) =>
    fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('scores a request that sends the key as a bearer token or in the query string (as OpenRLHF can)', async () => {
    const bearer = await call('/get_reward', { authorization: `Bearer ${KEY}` });
    expect(bearer.status).toBe(200);
    expect(await bearer.json()).toMatchObject({ rewards: [1] });
    // The key parameter is not mistaken for a scoring override; the others still work beside it.
    const query = await call(`/get_reward?key=${KEY}&reward=fraction`);
    expect(query.status).toBe(200);
    expect(await query.json()).toMatchObject({ rewards: [1] });
    // OpenRLHF posts an empty slice to every URL after the first of a comma-separated list.
    const empty = await call(`/get_reward?key=${KEY}`, {}, { query: [], prompts: [], labels: [] });
    expect(empty.status).toBe(200);
    expect(await empty.json()).toMatchObject({ rewards: [], scores: [] });
  });

  it('answers 401 without a key or with a wrong one, saying how to send it and never echoing it', async () => {
    const none = await call('/get_reward');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="ifkit"');
    expect(((await none.json()) as { error: { message: string } }).error.message).toMatch(/Authorization: Bearer <key>.*\?key=<key>/);
    for (const wrong of [`${KEY}x`, KEY.slice(0, -1), 'qqq-wrong']) {
      const r = await call(`/verify?key=${wrong}`, {}, { response: 'x', instruction_id_list: [] });
      expect(r.status).toBe(401);
      expect(await r.text()).not.toContain(wrong);
    }
    expect((await call('/verify/batch', { authorization: 'Basic abc' }, { items: [] })).status).toBe(401);
  });

  it('keeps /health open for probes and puts /metrics behind the key', async () => {
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const metrics = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^ifkit_http_errors_total\{route="\/get_reward",status="401"\} 1$/m);
  });
});

describe('binding beyond loopback', () => {
  it('refuses without a key, saying why and how to fix it, before binding anything', async () => {
    await expect(startRewardServer({ host: '0.0.0.0', workers: 1 })).rejects.toThrow(/refusing to listen on 0\.0\.0\.0 without an API key: other machines could reach.*--api-key.*IFKIT_API_KEY.*--insecure/);
    await expect(startRewardServer({ host: '::', workers: 1 })).rejects.toThrow(/refusing to listen on ::/);
  });

  it('starts with a key, and still answers keyed requests on loopback', async () => {
    const s = await startRewardServer({ host: '0.0.0.0', port: 0, workers: 1, apiKey: KEY });
    try {
      expect(s.address).toBe('0.0.0.0');
      const { status } = await post(`http://127.0.0.1:${s.port}`, `/verify?key=${KEY}`, { response: 'a b', instruction_id_list: ['punctuation:no_comma'] });
      expect(status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('refuses an unusable key', async () => {
    await expect(startRewardServer({ workers: 1, apiKey: '' })).rejects.toThrow(/API key is empty/);
    await expect(startRewardServer({ workers: 1, apiKey: 'two words' })).rejects.toThrow(/whitespace/);
  });
});
