// Preloaded into the tslab kernel. tslab's TypeScript watch program throws "Unexpected pending rebuildTimer" on the
// next cell whenever any watched file or folder changes between cells (a training run writing results, an editor
// saving a file). The kernel compiles each cell explicitly, so real file watching buys nothing here: turn it off.
// Consequence: after editing lib/, restart the kernel to pick up the change (as with Python without autoreload).
const ts = require('@tslab/typescript-for-tslab');
const inert = { close() {} };
ts.sys.watchFile = () => inert;
ts.sys.watchDirectory = () => inert;
