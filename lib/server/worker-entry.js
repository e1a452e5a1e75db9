// A worker thread starts without its parent's module loader (tsx or vitest), so register tsx's CommonJS hook here
// and load the TypeScript body through it.
require('tsx/cjs');
require('./worker.ts');
