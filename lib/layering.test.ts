import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The layers of lib/ as README.md lists them, bottom first: a folder may import its own layer and the ones below. */
const LAYERS: readonly (readonly string[])[] = [
  ['data', 'stats', 'tensor', 'plots'],
  ['verifiers', 'model'],
  ['analysis'],
  ['judge', 'eval'],
  ['rewards'],
  ['rl', 'hppt', 'server'],
  ['lab'],
  ['cli'],
];
const LIB = __dirname;
const layerOf = (folder: string): number => LAYERS.findIndex((l) => l.includes(folder));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('lib/ layering', () => {
  it('puts every folder of lib/ in a layer', () => {
    const folders = readdirSync(LIB).filter((n) => statSync(join(LIB, n)).isDirectory());
    expect(folders.filter((f) => layerOf(f) < 0)).toEqual([]);
  });

  it('never imports upwards', () => {
    const violations: string[] = [];
    for (const file of sources(LIB)) {
      const from = relative(LIB, file).split('/')[0]!;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from\s+|import\(\s*|require\(\s*)'(\.{1,2}\/[^']+)'/g)) {
        const target = relative(LIB, resolve(dirname(file), m[1]!)).split('/')[0]!;
        if (layerOf(target) > layerOf(from)) violations.push(`${relative(LIB, file)} imports ${m[1]} (${from} → ${target})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('imports files, not folders (the notebook kernel cannot resolve a folder to its index.ts)', () => {
    const folderImports: string[] = [];
    for (const file of sources(LIB)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\(\s*|require\(\s*)'(\.{1,2}\/[^']+)'/g)) {
        const target = resolve(dirname(file), m[1]!);
        if (existsSync(target) && statSync(target).isDirectory() && !existsSync(`${target}.ts`)) folderImports.push(`${relative(LIB, file)}: ${m[1]}`);
      }
    }
    expect(folderImports).toEqual([]);
  });
});

describe('lib/ import graph', () => {
  it('has no import cycles (the notebook kernel loads modules by nested requires and recurses forever on a cycle)', () => {
    const graph = new Map<string, string[]>();
    for (const file of sources(LIB)) {
      const text = readFileSync(file, 'utf8');
      const deps: string[] = [];
      // value imports only: `import type` is erased and cannot close a cycle at run time
      for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s+(?!type\b)[^'\n]*?from\s+'(\.{1,2}\/[^']+)'|(?:import|require)\(\s*'(\.{1,2}\/[^']+)'/g)) {
        const target = resolve(dirname(file), (m[1] ?? m[2])!) + '.ts';
        if (existsSync(target)) deps.push(target);
      }
      graph.set(file, deps);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (f: string): void => {
      state.set(f, 'open');
      path.push(f);
      for (const d of graph.get(f) ?? []) {
        if (state.get(d) === 'open') cycles.push([...path.slice(path.indexOf(d)), d].map((p) => relative(LIB, p)).join(' → '));
        else if (!state.has(d)) visit(d);
      }
      path.pop();
      state.set(f, 'done');
    };
    for (const f of graph.keys()) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });
});
