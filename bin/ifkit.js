#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so `npx ifkit` works without a build step.
require('tsx/cjs');
require('../lib/cli/main.ts').main(process.argv);
