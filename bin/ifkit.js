#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so `npx ifkit` works without a build step. `ifkit eval` runs from a
// cached bundle of the same sources instead (see eval-bundle.js; IFKIT_NO_BUNDLE=1 runs it through tsx too).
function runSources() {
  require('tsx/cjs');
  require('../lib/cli/main.ts').main(process.argv);
}

if (process.argv[2] === 'eval' && process.env.IFKIT_NO_BUNDLE !== '1') {
  // A scoring run lasts a second or two, and V8's default tiering (a function is optimised once it has run ~66 KB
  // of bytecode) spends much of it compiling code that finishes soon after: a 4x budget cut ifkit eval's CPU time
  // by ~0.17 s on IFBench and IFEval at 1x (wall ~0.05 s, paired runs) and left 10x wall time level. The verdicts
  // are the same (eval-bundle.test.ts compares with the tsx run, which keeps the default). Set before any code loads.
  require('node:v8').setFlagsFromString('--interrupt-budget=262144');
  require('./eval-bundle')
    .loadEvalBundle()
    .then((bundled) => (bundled ? bundled.main(process.argv) : runSources()));
} else {
  runSources();
}
