#!/usr/bin/env node
'use strict';
// Plan time and peak RSS of one Go service in a large build context: a generated repository with a
// vendor/ tree of N files (200,000 by default) and one service, planned two ways:
//   root     the service's Dockerfile at services/api/, built from the repository root
//            (`COPY services/api/ ./`): the vendor/ tree is in the context but not copied;
//   vendored the service's own folder holds the vendor/ tree and the Dockerfile does `COPY . .`.
//
//   node scripts/bench-context.js                    200,000 files, 5 runs each
//   node scripts/bench-context.js --files 50000 --runs 3
//   node scripts/bench-context.js --bin /other/checkout/bin/stageify.js   (compare a build)
//
// Needs `npm run build` first and /usr/bin/time (for the peak RSS). Writes only below a fresh temp
// folder, removed at the end.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

function parseArgs(argv) {
  const o = { files: 200000, runs: 5, bin: path.resolve(__dirname, '..', 'bin', 'stageify.js') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
    if (a.startsWith('--files')) o.files = Number(val());
    else if (a.startsWith('--runs')) o.runs = Number(val());
    else if (a.startsWith('--bin')) o.bin = path.resolve(val());
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

/** A vendor/ tree of `count` small Go files, 100 to a folder, 100 folders to a module. */
function makeVendor(dir, count) {
  for (let i = 0; i < count; i++) {
    const mod = `example.com/m${Math.floor(i / 10000)}`;
    const pkg = `p${Math.floor(i / 100) % 100}`;
    const d = path.join(dir, 'vendor', mod, pkg);
    if (i % 100 === 0) fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(path.join(d, `f${i % 100}.go`), `package ${pkg}\n\nfunc F${i % 100}() int { return ${i} }\n`);
  }
  fs.writeFileSync(path.join(dir, 'vendor', 'modules.txt'), '# example.com/m0 v1.0.0\n## explicit\nexample.com/m0/p0\n');
}

function makeService(dir, dockerfile) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'go.mod'), 'module example.com/api\n\ngo 1.22\n');
  fs.writeFileSync(path.join(dir, 'main.go'), 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("api") }\n');
  fs.writeFileSync(path.join(dir, 'Dockerfile'), dockerfile);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function measure(bin, args, runs) {
  const times = [];
  const rss = [];
  let last = null;
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    const p = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, '--format', 'json', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    rss.push(Number(p.stderr.trim().split('\n').pop()) / 1024);
    last = p.stdout;
  }
  let outcome = '?';
  try {
    const files = JSON.parse(last).files;
    outcome = files.map((f) => `${f.status}${f.messages.length ? ` (${f.messages.map((m) => m.id).slice(0, 4).join(', ')})` : ''}`).join('; ');
  } catch {
    outcome = `no JSON: ${String(last).slice(0, 200)}`;
  }
  return { ms: median(times), rssMb: median(rss), outcome };
}

function main() {
  const o = parseArgs(process.argv.slice(2));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stageify-context-'));
  try {
    const repo = path.join(tmp, 'repo');
    fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
    let t0 = Date.now();
    makeVendor(repo, o.files);
    makeService(path.join(repo, 'services', 'api'), 'FROM golang:1.22\nWORKDIR /src\nCOPY services/api/ ./\nRUN go build -o /app .\nCMD ["/app"]\n');
    const vendored = path.join(tmp, 'vendored');
    makeVendor(vendored, o.files);
    makeService(vendored, 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -mod=vendor -o /app .\nCMD ["/app"]\n');
    process.stdout.write(`generated 2 x ${o.files} files in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    t0 = Date.now();
    const cases = [
      ['root', ['--context', repo, path.join(repo, 'services', 'api', 'Dockerfile')]],
      ['vendored', [path.join(vendored, 'Dockerfile')]],
    ];
    for (const [name, args] of cases) {
      const m = measure(o.bin, args, o.runs);
      process.stdout.write(`${name.padEnd(9)} plan ${m.ms.toFixed(0)} ms, peak RSS ${m.rssMb.toFixed(0)} MB (medians of ${o.runs}): ${m.outcome}\n`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main();
