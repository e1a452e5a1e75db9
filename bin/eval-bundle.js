// `ifkit eval` as one esbuild bundle cached in .cache/: loading its ~215 modules one by one through tsx costs
// ~0.3-0.4 s of CPU (module resolution, transform-cache lookups, zod's 100+ files), the bundle ~0.07 s. Only `eval`
// is bundled: other commands find files next to their sources (__dirname: judge templates, server workers, wasm).
'use strict';
const { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join, resolve } = require('node:path');
const vm = require('node:vm');

const ROOT = resolve(__dirname, '..');
const BUNDLE = join(ROOT, '.cache', 'cli-eval.cjs');
const HEADER = '// ifkit-eval-bundle ';

/** `[mtimeMs, size]` of a file, or null when it is gone. */
function stamp(file) {
  try {
    const s = statSync(file);
    return [s.mtimeMs, s.size];
  } catch {
    return null;
  }
}

/** The manifest on the bundle's first line, when every input still has the size and mtime it was built from. */
function isFresh(text) {
  if (!text.startsWith(HEADER)) return false;
  let manifest;
  try {
    manifest = JSON.parse(text.slice(HEADER.length, text.indexOf('\n')));
  } catch {
    return false;
  }
  if (manifest.node !== process.version || JSON.stringify(manifest.builder) !== JSON.stringify(stamp(__filename))) return false;
  for (const [file, want] of Object.entries(manifest.inputs)) {
    const got = stamp(join(ROOT, file));
    if (got === null || got[0] !== want[0] || got[1] !== want[1]) return false;
  }
  return true;
}

// main.ts loads commands with require('./commands/<name>'); in this bundle every command but eval is a stub, which
// buildProgram never reaches because the arguments name `eval`.
const onlyEval = {
  name: 'only-eval',
  setup(build) {
    build.onResolve({ filter: /^\.\/commands\// }, (args) =>
      args.path === './commands/eval' ? undefined : { path: args.path, namespace: 'ifkit-stub' },
    );
    build.onLoad({ filter: /.*/, namespace: 'ifkit-stub' }, (args) => ({
      contents: `throw new Error('the ifkit eval bundle has no ${args.path}; run it with IFKIT_NO_BUNDLE=1');`,
      loader: 'js',
    }));
  },
};

async function build() {
  const esbuild = require('esbuild');
  const started = Date.now();
  const result = await esbuild.build({
    entryPoints: [join(ROOT, 'lib', 'cli', 'main.ts')],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0]}`,
    metafile: true,
    logLevel: 'silent',
    plugins: [onlyEval],
  });
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    if (file.startsWith('ifkit-stub:')) continue;
    const s = stamp(join(ROOT, file));
    // A file gone, or edited while esbuild read it: this bundle may not match the sources; let tsx run them.
    if (s === null || s[0] >= started - 1000) return null;
    inputs[file] = s;
  }
  // main.ts's hashbang is only valid on a file's first line, where the manifest goes.
  const code = result.outputFiles[0].text.replace(/^#!.*\n/, '');
  const text = `${HEADER}${JSON.stringify({ node: process.version, builder: stamp(__filename), inputs })}\n${code}`;
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  writeAtomic(BUNDLE, text);
  return text;
}

/** Writes `text` to `file` through a rename, so a concurrent start never reads half a file. */
function writeAtomic(file, text) {
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, text);
  renameSync(partial, file);
}

/**
 * Runs the bundle as a CommonJS module, with V8's code cache for it in `<bundle>.v8`: compiling 1.2 MB of JS, and
 * then each function as the first scoring pass reaches it, costs ~0.03-0.05 s of CPU that the cache skips. When the cache is missing or
 * stale (V8 checks it against the source), a successful run writes a new one at exit, holding every function it ran.
 */
function runBundle(code) {
  const cacheFile = `${BUNDLE}.v8`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(code), { filename: BUNDLE, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once('exit', (exitCode) => {
      if (exitCode !== 0) return; // a run cut short compiled few functions; let a full one write the cache
      try {
        writeAtomic(cacheFile, script.createCachedData());
      } catch {
        // Without a writable cache the bundle still runs, only compiled afresh each time.
      }
    });
  }
  const mod = new Module(BUNDLE, module);
  mod.filename = BUNDLE;
  mod.paths = Module._nodeModulePaths(dirname(BUNDLE));
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(BUNDLE), mod, BUNDLE, dirname(BUNDLE));
  return mod.exports;
}

/**
 * The bundled `lib/cli/main.ts` module for `ifkit eval`, (re)built when a source changed (async: esbuild plugins
 * need its async API); null when it cannot be built (no esbuild, unwritable checkout), and the caller then runs the
 * sources through tsx.
 */
async function loadEvalBundle() {
  let text = null;
  try {
    text = readFileSync(BUNDLE, 'utf8');
  } catch {
    text = null;
  }
  if (text !== null && isFresh(text)) {
    try {
      return runBundle(text);
    } catch {
      // A bundle that no longer loads (written by an older version of this file) is rebuilt below.
    }
  }
  try {
    const built = await build();
    return built === null ? null : runBundle(built);
  } catch {
    return null;
  }
}

module.exports = { loadEvalBundle, BUNDLE };
