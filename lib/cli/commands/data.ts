import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { fetchData, type DataEvent } from '../../data/download';
import { MANIFEST } from '../../data/manifest';

/** `ifkit data fetch|list`: download (or take from the mirror) every third-party file, with checksums. */
export function registerDataCommand(program: Command): void {
  const data = program.command('data').description('third-party data files: list them, fetch them with checksums');
  data
    .command('list')
    .description('print the manifest: every resource, its official source and licence')
    .action(() => {
      for (const r of MANIFEST) {
        const src = r.source.kind === 'files' ? r.source.baseUrl : r.source.kind === 'mirror-only' ? `(mirror only: ${r.source.reason})` : r.source.url;
        console.log(`${r.id.padEnd(16)} ${String(r.files.length).padStart(3)} file(s)  ${r.licence}\n${''.padEnd(22)}${src}`);
      }
    });
  data
    .command('fetch')
    .description('make data/ complete: keep verified files, download the rest, fall back to the offline mirror (IFKIT_MIRROR_DIR)')
    .option('--only <ids...>', 'resource ids to fetch (see `ifkit data list`)')
    .option('--offline', 'do not use the network; copy from the mirror (also IFKIT_OFFLINE=1)')
    .action(async (opts: { only?: string[]; offline?: boolean }) => {
      const bar = new SingleBar({ format: 'data {bar} {value}/{total} resources | {resource}', hideCursor: true, noTTYOutput: false }, Presets.shades_classic);
      const fallbacks: string[] = [];
      let started = false;
      const onEvent = (e: DataEvent): void => {
        if (e.kind === 'resource') {
          if (!started) bar.start(e.total, 0, { resource: e.resource });
          started = true;
          bar.update(e.index, { resource: e.resource });
        } else if (e.kind === 'fallback') fallbacks.push(e.reason);
      };
      try {
        const outcomes = await fetchData({ ...(opts.only ? { only: opts.only } : {}), ...(opts.offline ? { offline: true } : {}), onEvent });
        if (started) bar.update(bar.getTotal(), { resource: 'done' });
        bar.stop();
        const counts = { present: 0, downloaded: 0, mirror: 0 };
        for (const o of outcomes.values()) counts[o]++;
        console.log(`data: ${outcomes.size} files verified (${counts.present} already present, ${counts.downloaded} downloaded, ${counts.mirror} from the mirror)`);
        if (counts.mirror > 0 && fallbacks.length) console.log(`data: mirror used because: ${[...new Set(fallbacks.map((f) => f.split(' (')[0]))].slice(0, 5).join('; ')}`);
      } catch (e) {
        bar.stop();
        console.error((e as Error).message);
        process.exitCode = 1;
      }
    });
}
