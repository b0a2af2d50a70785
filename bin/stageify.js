#!/usr/bin/env node
'use strict';
// Thin launcher: all logic is in src/cli.ts (compiled to dist/src/cli.js).
require('../dist/src/cli.js').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
