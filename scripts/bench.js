#!/usr/bin/env node
'use strict';
// Speed and memory of a batch run: a generated monorepo of N Go services, timed three ways —
// (a) a bare find + read + dockerfile-ast parse of the same files (the floor), (b) the real CLI
// `node bin/stageify.js --format json <dir>` as a child process, (c) the public API in-process
// (to separate process start-up) — plus `stageify --version` and the peak RSS of the CLI.
// The monorepo has a compose.yaml naming every service (`build:` and `image:`); (b) runs also
// without it, alternating, so the cost of reading the compose file shows as a share of (b).
//
//   npm run bench                         10,000 services, 5 runs each
//   npm run bench -- --files 2000 --runs 3
//   npm run bench -- --sizes 1000,5000,10000   memory and time as the repo grows
//   npm run bench -- --keep               leave the generated repo in place (path printed)
//
// Needs `npm run build` first. Writes only below a fresh temp folder.
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'stageify.js');

const TARGETS = { ratio: 2, filesPerSec: 5000, rssMb: 300, versionMs: 150 };

function parseArgs(argv) {
  const o = { files: 10000, runs: 5, sizes: null, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a.startsWith('--files')) o.files = positive(val(), '--files');
    else if (a.startsWith('--runs')) o.runs = positive(val(), '--runs');
    else if (a.startsWith('--sizes')) o.sizes = val().split(',').map((s) => positive(s, '--sizes'));
    else if (a === '--keep') o.keep = true;
    else if (a === '-h' || a === '--help') {
      process.stdout.write('usage: node scripts/bench.js [--files N] [--runs N] [--sizes N,N,...] [--keep]\n');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

function positive(s, flag) {
  const n = Number(s);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag}: not a positive integer: ${s}`);
  return n;
}

// ---------------------------------------------------------------------------------------------
// The monorepo: svc-<i>/{Dockerfile,go.mod,main.go}, a few realistic single-stage variants.

function dockerfile(i) {
  const name = `svc-${i}`;
  switch (i % 3) {
    case 0:
      return `FROM golang:1.22\nWORKDIR /src\nCOPY go.mod ./\nRUN go mod download\nCOPY . .\n` +
        `RUN go build -o /usr/local/bin/${name} .\nENV PORT=8080\nEXPOSE 8080\nCMD ["${name}"]\n`;
    case 1:
      return `# ${name}: HTTP service\nFROM golang:1.21-bookworm\n\nWORKDIR /app\nCOPY . .\n` +
        `RUN go build -trimpath -ldflags="-s -w" -o /app/server .\n\nEXPOSE 9000\nENTRYPOINT ["/app/server"]\n`;
    default:
      return `FROM golang:1.22.5\nLABEL org.opencontainers.image.title="${name}"\nWORKDIR /go/src/${name}\n` +
        `COPY go.mod .\nRUN go mod download\nCOPY main.go .\nRUN go build -o /bin/${name} .\n` +
        `USER 1000\nCMD ["/bin/${name}", "--listen", ":8080"]\n`;
  }
}

const GO_MOD = (i) => `module example.com/monorepo/svc-${i}\n\ngo 1.21\n`;
const MAIN_GO = (i) => `package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
)

func main() {
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "svc-${i}")
	})
	log.Fatal(http.ListenAndServe(":"+port, nil))
}
`;

/** compose.yaml naming services [0, n): each built from its own folder, with an image name. */
function writeCompose(dir, n) {
  const parts = ['services:\n'];
  for (let i = 0; i < n; i++) parts.push(`  svc-${i}:\n    build: ./svc-${i}\n    image: example.com/monorepo/svc-${i}:1\n`);
  fs.writeFileSync(path.join(dir, 'compose.yaml'), parts.join(''));
}

/** Runs `fn` with compose.yaml moved aside. */
async function withoutCompose(dir, fn) {
  const file = path.join(dir, 'compose.yaml');
  const aside = path.join(path.dirname(dir), `${path.basename(dir)}.compose.yaml`);
  fs.renameSync(file, aside);
  try {
    return await fn();
  } finally {
    fs.renameSync(aside, file);
  }
}

/** Adds services [from, to) to `dir`. */
function generate(dir, from, to) {
  for (let i = from; i < to; i++) {
    const svc = path.join(dir, `svc-${i}`);
    fs.mkdirSync(svc, { recursive: true });
    fs.writeFileSync(path.join(svc, 'Dockerfile'), dockerfile(i));
    fs.writeFileSync(path.join(svc, 'go.mod'), GO_MOD(i));
    fs.writeFileSync(path.join(svc, 'main.go'), MAIN_GO(i));
  }
  writeCompose(dir, to);
}

// ---------------------------------------------------------------------------------------------
// (a) the floor: find + read + parse, in a child process like the CLI (start-up included) and
// timed inside it too (start-up excluded).

const BARE = `
const t0 = performance.now();
const fs = require('fs'), path = require('path');
const { DockerfileParser } = require('dockerfile-ast');
let files = 0, instructions = 0;
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { if (e.name !== '.git' && e.name !== 'node_modules') walk(p); }
    else if (e.isFile() && (e.name === 'Dockerfile' || e.name.startsWith('Dockerfile.') || e.name.endsWith('.Dockerfile') || e.name === 'Containerfile')) {
      const text = fs.readFileSync(p, 'utf8');
      instructions += DockerfileParser.parse(text).getInstructions().length;
      files++;
    }
  }
})(process.argv[1]);
process.stdout.write(JSON.stringify({ files, instructions, ms: performance.now() - t0 }));
`;

function runBare(dir) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-e', BARE, dir], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`bare parse failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout);
  return { wall, inner: out.ms, files: out.files };
}

// ---------------------------------------------------------------------------------------------
// (b) the CLI as a child process, peak RSS from /proc/<pid>/status (VmHWM) polled while it runs.

function readHwmKb(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch { return 0; }
}

const HAS_PROC = fs.existsSync('/proc/self/status');
const HAS_TIME = fs.existsSync('/usr/bin/time') &&
  spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' }).stderr.includes('Maximum resident set size');

/** Runs the CLI once; resolves with wall time, peak RSS (kB) and the parsed JSON report. */
function runCli(dir, extra = []) {
  return new Promise((resolve, reject) => {
    // /usr/bin/time -v gives an exact peak; otherwise poll VmHWM (monotonic, so the last read is a floor).
    const cmd = HAS_TIME ? '/usr/bin/time' : process.execPath;
    const args = HAS_TIME ? ['-v', process.execPath, BIN, '--format', 'json', ...extra, dir] : [BIN, '--format', 'json', ...extra, dir];
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    let err = '';
    let hwm = 0;
    const poll = !HAS_TIME && HAS_PROC ? setInterval(() => { hwm = Math.max(hwm, readHwmKb(child.pid)); }, 10) : null;
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => { err += c; });
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = performance.now() - t0;
      if (poll) clearInterval(poll);
      if (code !== 0) return reject(new Error(`stageify exited ${code}: ${err.slice(-2000)}`));
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
      if (m) hwm = Number(m[1]);
      let report;
      try { report = JSON.parse(Buffer.concat(out).toString('utf8')); } catch (e) { return reject(e); }
      const d = /stageify: read \d+ compose\/bake files, \d+ Dockerfiles declared, in (\d+) ms/.exec(err);
      resolve({ wall, rssKb: hwm || null, report, declarationsMs: d ? Number(d[1]) : null });
    });
  });
}

// (c) the public API in this process: discovery + planFile per file, nothing printed.
function runApi(dir) {
  const api = require(path.join(ROOT, 'dist', 'src', 'index.js'));
  const { discover } = require(path.join(ROOT, 'dist', 'src', 'discover.js'));
  const t0 = performance.now();
  const found = discover(['.'], dir);
  let changed = 0;
  for (const rel of found.files) {
    if (api.planFile(path.join(dir, rel)).status === 'changed') changed++;
  }
  return { wall: performance.now() - t0, files: found.files.length, changed };
}

/** `stageify --version` and, alternating with it, a bare `node -e 0` (what any Node CLI pays to start). */
function timeVersion(n) {
  const times = [];
  const node = [];
  for (let i = 0; i < n; i++) {
    let t0 = performance.now();
    const r = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`--version failed: ${r.stderr}`);
    t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    node.push(performance.now() - t0);
  }
  return { times, node };
}

// ---------------------------------------------------------------------------------------------

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const ms = (x) => `${Math.round(x)} ms`;
const mb = (kb) => (kb == null ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`);
const list = (xs, f = ms) => xs.map(f).join(', ');
const verdict = (ok) => (ok ? 'ok' : 'MISSED');

function checkReport(report, n) {
  const s = report.summary;
  if (s.files !== n || s.changed !== n) {
    const other = report.files.find((f) => f.status !== 'changed');
    throw new Error(`expected all ${n} Dockerfiles changed, got ${JSON.stringify(s)}` +
      (other ? `; e.g. ${other.path}: ${other.status} ${JSON.stringify(other.messages.slice(0, 2))}` : ''));
  }
}

async function benchOne(dir, n, runs) {
  const bare = [], cli = [], api = [], rss = [], noCompose = [], declMs = [];
  for (let i = 0; i < runs; i++) {
    const b = runBare(dir);
    if (b.files !== n) throw new Error(`bare parse found ${b.files} files, expected ${n}`);
    bare.push(b);
    // With and without compose.yaml, in alternating order.
    const plain = async () => {
      const c = await withoutCompose(dir, () => runCli(dir));
      checkReport(c.report, n);
      noCompose.push(c.wall);
    };
    if (i % 2) await plain();
    const c = await runCli(dir, ['--debug']);
    checkReport(c.report, n);
    if (c.declarationsMs !== null) declMs.push(c.declarationsMs);
    const declared = c.report.files.filter((f) => f.context && f.context.source === 'compose').length;
    if (declared !== n) throw new Error(`expected all ${n} contexts from compose.yaml, got ${declared}`);
    cli.push(c.wall);
    if (c.rssKb) rss.push(c.rssKb);
    if (i % 2 === 0) await plain();
    const a = runApi(dir);
    if (a.changed !== n) throw new Error(`API: ${a.changed} of ${a.files} changed, expected ${n}`);
    api.push(a.wall);
  }
  return {
    bareWall: bare.map((b) => b.wall), bareInner: bare.map((b) => b.inner), cli, api, rss, noCompose, declMs,
    med: {
      bareWall: median(bare.map((b) => b.wall)), bareInner: median(bare.map((b) => b.inner)),
      cli: median(cli), api: median(api), rss: rss.length ? Math.max(...rss) : null, noCompose: median(noCompose),
      declMs: declMs.length ? median(declMs) : null,
    },
  };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stageify-bench-')));
  const out = (s = '') => process.stdout.write(s + '\n');
  try {
    out(`stageify bench: node ${process.version}, ${os.cpus().length} CPUs, peak RSS via ` +
      `${HAS_TIME ? '/usr/bin/time -v' : HAS_PROC ? '/proc/<pid>/status VmHWM' : 'n/a'}`);
    if (opts.sizes) {
      const sizes = [...opts.sizes].sort((a, b) => a - b);
      out(`sizes ${sizes.join(', ')}; ${opts.runs} runs each (medians)\n`);
      out('files     bare parse   stageify    ratio   files/s   peak RSS');
      let have = 0;
      for (const n of sizes) {
        generate(dir, have, n);
        have = n;
        const r = await benchOne(dir, n, opts.runs);
        out(`${String(n).padEnd(9)} ${ms(r.med.bareWall).padStart(10)} ${ms(r.med.cli).padStart(10)} ` +
          `${(r.med.cli / r.med.bareWall).toFixed(2).padStart(7)}x ${String(Math.round(n / (r.med.cli / 1000))).padStart(9)} ${mb(r.med.rss).padStart(10)}`);
      }
      return;
    }

    const n = opts.files;
    const g0 = performance.now();
    generate(dir, 0, n);
    out(`generated ${n} Go services in ${ms(performance.now() - g0)}${opts.keep ? ` at ${dir}` : ''}; ${opts.runs} runs each\n`);
    const r = await benchOne(dir, n, opts.runs);
    const { times: version, node: nodeStart } = timeVersion(10);
    const ratio = r.med.cli / r.med.bareWall;
    const fps = n / (r.med.cli / 1000);
    out(`(a) bare find+read+parse, child process: ${list(r.bareWall)}  median ${ms(r.med.bareWall)}`);
    out(`    same, inside the process:            ${list(r.bareInner)}  median ${ms(r.med.bareInner)}`);
    out(`(b) stageify --format json (CLI):       ${list(r.cli)}  median ${ms(r.med.cli)}`);
    out(`    same, without compose.yaml:          ${list(r.noCompose)}  median ${ms(r.med.noCompose)}`);
    out(`    reading compose.yaml inside (b):     ${list(r.declMs)}  median ${ms(r.med.declMs)} (--debug)`);
    out(`(c) public API in-process:               ${list(r.api)}  median ${ms(r.med.api)}`);
    out(`    process start-up + output ≈ (b) - (c) = ${ms(r.med.cli - r.med.api)}`);
    out(`peak RSS of stageify:                    ${list(r.rss, mb)}  max ${mb(r.med.rss)}`);
    out(`stageify --version (10 runs):            median ${ms(median(version))} (node -e 0: ${ms(median(nodeStart))})`);
    out('');
    out(`ratio CLI / bare (child processes):   ${ratio.toFixed(2)}x   target <= ${TARGETS.ratio}x   ${verdict(ratio <= TARGETS.ratio)}`);
    out(`ratio API / bare (in-process):        ${(r.med.api / r.med.bareInner).toFixed(2)}x`);
    const composeCost = (r.med.cli - r.med.noCompose) / r.med.noCompose * 100;
    const inside = r.med.declMs === null ? null : r.med.declMs / r.med.cli * 100;
    out(`with compose.yaml vs without (${n} services): ${composeCost >= 0 ? '+' : ''}${composeCost.toFixed(1)}% (without it, contexts are inferred file by file)`);
    out(`reading compose.yaml, share of (b):   ${inside === null ? 'n/a' : `${inside.toFixed(1)}%`}   target <= 5%   ${verdict(inside !== null && inside <= 5)}`);
    out(`throughput:                           ${Math.round(fps)} files/s   target >= ${TARGETS.filesPerSec}   ${verdict(fps >= TARGETS.filesPerSec)}`);
    out(`peak RSS:                             ${mb(r.med.rss)}   target <= ${TARGETS.rssMb} MB   ${verdict(r.med.rss != null && r.med.rss / 1024 <= TARGETS.rssMb)}`);
    out(`--version:                            ${ms(median(version))}   target < ${TARGETS.versionMs} ms   ${verdict(median(version) < TARGETS.versionMs)}`);
    out(`all ${n} Dockerfiles reported changed: ok`);
  } finally {
    if (!opts.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`bench: ${err && err.message ? err.message : err}\n`);
  process.exitCode = 1;
});
