#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so `npx ifkit` works without a build step. `ifkit eval` runs from a
// cached bundle of the same sources instead (see eval-bundle.js; IFKIT_NO_BUNDLE=1 runs it through tsx too).
function runSources() {
  require('tsx/cjs');
  require('../lib/cli/main.ts').main(process.argv);
}

if (process.argv[2] === 'eval' && process.env.IFKIT_NO_BUNDLE !== '1') {
  require('./eval-bundle')
    .loadEvalBundle()
    .then((bundled) => (bundled ? bundled.main(process.argv) : runSources()));
} else {
  runSources();
}
