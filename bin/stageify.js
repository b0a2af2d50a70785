#!/usr/bin/env node
'use strict';
// Thin launcher: all logic is in src/cli.ts (compiled to dist/src/cli.js). `--version` alone is
// answered here, without loading the CLI (what the start-up of a version check costs).
const argv = process.argv.slice(2);
if (argv.length === 1 && argv[0] === '--version') {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  require('../dist/src/cli.js').main(argv).then((code) => { process.exitCode = code; });
}
