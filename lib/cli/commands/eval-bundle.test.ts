import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath, projectRoot } from '../../data/paths';

// bin/ifkit.js runs `ifkit eval` from an esbuild bundle cached in .cache/ (bin/eval-bundle.js); these tests hold it
// to the same outputs as the sources run through tsx.
const BUNDLE = join(projectRoot(), '.cache', 'cli-eval.cjs');
const HEADER = '// ifkit-eval-bundle ';

function ifkitEval(out: string, env: Record<string, string> = {}, input = dataPath('ifeval/input_data_gpt4_20231107_145030.jsonl')) {
  const responses = dataPath('ifeval/input_response_data_gpt4_20231107_145030.jsonl');
  const r = spawnSync(process.execPath, [join(projectRoot(), 'bin', 'ifkit.js'), 'eval', '--input', input, '--responses', responses, '--out', out], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ...env },
  });
  return { status: r.status, stdout: r.stdout.replace(/ in [\d.]+ s$/m, '').split(out).join('<out>'), stderr: r.stderr };
}

const tmp = (): string => mkdtempSync(join(tmpdir(), 'ifkit-eval-bundle-'));
const files = (dir: string): Record<string, string> => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('ifkit eval from the cached bundle', () => {
  it('writes byte-identical results, summary and report to the tsx run on the 541 GPT-4 responses', () => {
    const [viaBundle, viaCodeCache, viaTsx] = [tmp(), tmp(), tmp()];
    const a = ifkitEval(viaBundle);
    const cached = ifkitEval(viaCodeCache); // the first run left V8's code cache for the bundle
    expect(existsSync(`${BUNDLE}.v8`)).toBe(true);
    expect(cached.stdout).toBe(a.stdout);
    expect(files(viaCodeCache)).toEqual(files(viaBundle));
    const b = ifkitEval(viaTsx, { IFKIT_NO_BUNDLE: '1' });
    expect(a.status).toBe(0);
    expect(b.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/417\/541/);
    expect(files(viaBundle)).toEqual(files(viaTsx));
    expect(readFileSync(BUNDLE, 'utf8').startsWith(HEADER)).toBe(true);
  });

  it('reports malformed input as file:line: reason with exit code 1', () => {
    const bad = join(tmp(), 'bad.jsonl');
    writeFileSync(bad, '{"key": 1, "prompt": "p", "instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}]}\n{oops\n');
    const r = ifkitEval(tmp(), {}, bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: `));
  });

  it('rebuilds a bundle whose sources changed since it was built', () => {
    ifkitEval(tmp());
    const text = readFileSync(BUNDLE, 'utf8');
    const manifest = JSON.parse(text.slice(HEADER.length, text.indexOf('\n'))) as { inputs: Record<string, [number, number]> };
    const evalTs = manifest.inputs['lib/cli/commands/eval.ts']!;
    expect(evalTs).toBeDefined();
    // As if eval.ts had been edited: its recorded size no longer matches the file.
    manifest.inputs['lib/cli/commands/eval.ts'] = [evalTs[0], evalTs[1] + 1];
    writeFileSync(BUNDLE, `${HEADER}${JSON.stringify(manifest)}\nthrow new Error('stale bundle was run');\n`);
    const r = ifkitEval(tmp());
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/417\/541/);
    const rebuilt = readFileSync(BUNDLE, 'utf8');
    expect(rebuilt).not.toMatch(/stale bundle was run/);
    expect(JSON.parse(rebuilt.slice(HEADER.length, rebuilt.indexOf('\n'))).inputs['lib/cli/commands/eval.ts']).toEqual(evalTs);
  });
});
