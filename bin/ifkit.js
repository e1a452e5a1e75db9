#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so `npx ifkit` works without a build step.
require('tsx/cjs');
const { buildProgram } = require('../lib/cli/main.ts');
buildProgram()
  .parseAsync(process.argv)
  .catch((e) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  });
