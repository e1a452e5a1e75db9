import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { writeFileAtomicSync } from './atomic';
import { emojiKeysFromDataDict } from './emoji-keys';
import { MANIFEST } from './manifest';
import type { ManifestFile, Resource } from './manifest-types';
import { dataDir, mirrorDir } from './paths';

/** How each file ended up in data/. */
export type FileOutcome = 'present' | 'downloaded' | 'mirror';

/** Progress events, for a progress bar or a log line (lib never prints). */
export type DataEvent =
  | { readonly kind: 'resource'; readonly resource: string; readonly index: number; readonly total: number }
  | { readonly kind: 'file'; readonly resource: string; readonly path: string; readonly outcome: FileOutcome }
  | { readonly kind: 'bytes'; readonly resource: string; readonly url: string; readonly received: number; readonly total: number | null }
  | { readonly kind: 'fallback'; readonly resource: string; readonly reason: string };

export interface FetchDataOptions {
  /** Resource ids to fetch (default: all). */
  readonly only?: readonly string[];
  /** Never touch the network; use the mirror (IFKIT_OFFLINE=1 sets it). */
  readonly offline?: boolean;
  readonly dataDir?: string;
  readonly mirrorDir?: string;
  /** Per-request timeout in ms (default 20 s). */
  readonly timeoutMs?: number;
  readonly fetchImpl?: typeof fetch;
  readonly onEvent?: (e: DataEvent) => void;
}

/** Files that neither the official source nor the mirror could provide; the message says what to run. */
export class DataMissingError extends Error {
  constructor(
    readonly missing: readonly string[],
    readonly reasons: readonly string[],
  ) {
    super(
      `data: could not obtain ${missing.length} file(s):\n` +
        missing.map((m) => `  - data/${m}`).join('\n') +
        `\nReasons:\n${reasons.map((r) => `  - ${r}`).join('\n')}\n` +
        `Fix: run \`make data\` on a machine with network access, or put the offline mirror at ${mirrorDir()} ` +
        '(or point IFKIT_MIRROR_DIR at it) and run `make data` again; docs/data-sources.md lists every file.',
    );
    this.name = 'DataMissingError';
  }
}

/** sha256 of bytes, hex. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function isValid(path: string, f: ManifestFile): boolean {
  return existsSync(path) && sha256(readFileSync(path)) === f.sha256;
}

async function download(url: string, o: FetchDataOptions, resource: string): Promise<Uint8Array> {
  const doFetch = o.fetchImpl ?? fetch;
  const res = await doFetch(url, { signal: AbortSignal.timeout(o.timeoutMs ?? 20_000) });
  if (!res.ok || !res.body) throw new Error(`HTTP ${res.status} for ${url}`);
  const total = Number(res.headers.get('content-length')) || null;
  const chunks: Uint8Array[] = [];
  let received = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    chunks.push(chunk);
    received += chunk.length;
    o.onEvent?.({ kind: 'bytes', resource, url, received, total });
  }
  return Buffer.concat(chunks);
}

/** Fetches a resource from its official source and returns each file's bytes (not yet verified). */
async function fetchOfficial(r: Resource, o: FetchDataOptions): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  const src = r.source;
  switch (src.kind) {
    case 'files':
      for (const f of r.files) out.set(f.path, await download(src.baseUrl + (f.remote ?? f.path), o, r.id));
      return out;
    case 'zip': {
      const members = unzipSync(await download(src.url, o, r.id));
      for (const f of r.files) {
        const bytes = members[f.remote ?? f.path];
        if (bytes) out.set(f.path, bytes);
      }
      return out;
    }
    case 'derived': {
      const text = Buffer.from(await download(src.url, o, r.id)).toString('utf8');
      out.set(r.files[0]!.path, Buffer.from(emojiKeysFromDataDict(text), 'utf8'));
      return out;
    }
    case 'mirror-only':
      throw new Error(`no official source: ${src.reason}`);
  }
}

/**
 * Makes every manifest file present and verified in data/: keeps valid files, downloads the rest from their
 * official sources (sha256-checked), and falls back to the mirror when the network fails or a checksum differs.
 * Returns each file's outcome; throws DataMissingError naming every file it could not obtain (after placing the rest).
 */
export async function fetchData(o: FetchDataOptions = {}): Promise<Map<string, FileOutcome>> {
  const dataRoot = o.dataDir ?? dataDir();
  const mirrorRoot = o.mirrorDir ?? mirrorDir();
  const offline = o.offline ?? process.env.IFKIT_OFFLINE === '1';
  const resources = MANIFEST.filter((r) => !o.only || o.only.includes(r.id));
  const unknown = (o.only ?? []).filter((id) => !MANIFEST.some((r) => r.id === id));
  if (unknown.length) throw new Error(`data: unknown resource id(s) ${unknown.join(', ')}; known: ${MANIFEST.map((r) => r.id).join(', ')}`);
  const outcomes = new Map<string, FileOutcome>();
  const missing: string[] = [];
  const reasons: string[] = [];
  for (const [index, r] of resources.entries()) {
    o.onEvent?.({ kind: 'resource', resource: r.id, index, total: resources.length });
    const todo = r.files.filter((f) => !isValid(join(dataRoot, f.path), f));
    for (const f of r.files) if (!todo.includes(f)) record(f, 'present');
    if (todo.length === 0) continue;
    let official = new Map<string, Uint8Array>();
    if (!offline && r.source.kind !== 'mirror-only') {
      try {
        official = await fetchOfficial(r, o);
      } catch (e) {
        fallback(r.id, `${r.id}: official source unreachable or failed (${(e as Error).message})`);
      }
    }
    for (const f of todo) {
      const bytes = official.get(f.path);
      if (bytes && sha256(bytes) === f.sha256) {
        writeFileAtomicSync(join(dataRoot, f.path), bytes);
        record(f, 'downloaded');
        continue;
      }
      if (bytes) fallback(r.id, `${f.path}: official bytes have sha256 ${sha256(bytes)}, pinned ${f.sha256}`);
      const mirrored = join(mirrorRoot, f.path);
      if (isValid(mirrored, f)) {
        writeFileAtomicSync(join(dataRoot, f.path), readFileSync(mirrored));
        record(f, 'mirror');
      } else {
        missing.push(f.path);
        reasons.push(existsSync(mirrored) ? `${mirrored}: checksum differs from the manifest` : `${mirrored}: not in the mirror`);
      }
    }
  }
  if (missing.length) throw new DataMissingError(missing, [...new Set(reasons)]);
  return outcomes;

  function record(f: ManifestFile, outcome: FileOutcome): void {
    outcomes.set(f.path, outcome);
    o.onEvent?.({ kind: 'file', resource: resourceOf(f), path: f.path, outcome });
  }
  function fallback(resource: string, reason: string): void {
    reasons.push(reason);
    o.onEvent?.({ kind: 'fallback', resource, reason });
  }
}

function resourceOf(f: ManifestFile): string {
  return MANIFEST.find((r) => r.files.includes(f))?.id ?? '?';
}
