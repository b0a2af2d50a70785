#!/usr/bin/env node
'use strict';
// Warm rebuild after a one-line source change: the original Dockerfile, the rewrite, and the
// rewrite with --buildkit, each built with BuildKit (DOCKER_BUILDKIT=1, /usr/bin/docker) offline.
// The app is e2e/apps/go-buildkit plus a generated vendored package large enough that compiling
// the dependency tree costs seconds (what the Go build cache mount saves). Prints medians.
//
// Usage: node scripts/bench-buildkit.js [--runs N]   (needs the stand-in golang:1.22 image and
// `npm run build` or `npx tsc -p tsconfig.build.json` first)

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const APP = path.join(ROOT, 'e2e', 'apps', 'go-buildkit');
const DOCKER = fs.existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker';
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${(r.stderr || r.stdout || '').slice(-2000)}`);
  return r.stdout;
}

/** A vendored package of `files` files with `funcs` small functions each, used by the program. */
function generateDependency(dir, files = 40, funcs = 120) {
  const pkg = path.join(dir, 'vendor', 'example.com', 'quote', 'gen');
  fs.mkdirSync(pkg, { recursive: true });
  for (let f = 0; f < files; f++) {
    let src = 'package gen\n\nimport (\n\t"fmt"\n\t"sort"\n\t"strings"\n)\n\n';
    for (let k = 0; k < funcs; k++) {
      src += `func F${f}_${k}(xs []string) string {\n\tys := append([]string(nil), xs...)\n\tsort.Strings(ys)\n` +
        `\treturn fmt.Sprintf("%d:%s", ${k}, strings.Join(ys, ","))\n}\n\n`;
    }
    fs.writeFileSync(path.join(pkg, `f${f}.go`), src);
  }
  fs.writeFileSync(path.join(pkg, 'sum.go'), `package gen\n\n// Sum calls one function of each file.\nfunc Sum() int {\n\tn := 0\n${
    Array.from({ length: files }, (_, f) => `\tn += len(F${f}_0([]string{"b", "a"}))\n`).join('')}\treturn n\n}\n`);
  fs.appendFileSync(path.join(dir, 'vendor', 'modules.txt'), 'example.com/quote/gen\n');
  const main = path.join(dir, 'main.go');
  fs.writeFileSync(main, fs.readFileSync(main, 'utf8')
    .replace('"example.com/quote"', '"example.com/quote"\n\t"example.com/quote/gen"')
    .replace('fmt.Println(quote.Line(3))', 'fmt.Println(quote.Line(3), gen.Sum())'));
}

function build(dir, tag) {
  const t = process.hrtime.bigint();
  sh(DOCKER, ['build', '--network', 'none', '--progress', 'plain', '-t', tag, '.'], { cwd: dir, env: { ...process.env, DOCKER_BUILDKIT: '1' } });
  return Number(process.hrtime.bigint() - t) / 1e9;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function main() {
  sh(DOCKER, ['image', 'inspect', 'golang:1.22', 'gcr.io/distroless/static-debian12:nonroot']);
  const bin = path.join(ROOT, 'bin', 'stageify.js');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stageify-bench-bk-'));
  const variants = [
    { name: 'original', args: null },
    { name: 'rewrite', args: ['--no-config'] },
    { name: 'rewrite --buildkit', args: ['--no-config', '--buildkit'] },
  ];
  const rows = [];
  try {
    for (const [i, v] of variants.entries()) {
      const dir = path.join(tmp, `v${i}`);
      fs.cpSync(APP, dir, { recursive: true });
      generateDependency(dir);
      if (v.args) sh(process.execPath, [bin, '--write', ...v.args, 'Dockerfile'], { cwd: dir });
      const tag = `stageify-bench-bk-${i}`;
      const cold = build(dir, tag);
      const warm = [];
      for (let r = 0; r < RUNS; r++) {
        // One line of the program changes, as in an edit-build loop.
        fs.appendFileSync(path.join(dir, 'main.go'), `\n// edit ${r} ${Date.now()}\n`);
        warm.push(build(dir, tag));
      }
      const out = sh(DOCKER, ['run', '--rm', '--network', 'none', '--pull', 'never', tag]).trim().split('\n')[0];
      rows.push({ name: v.name, cold, warm: median(warm), out });
      sh(DOCKER, ['rmi', tag]);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`warm rebuild after a one-line change (median of ${RUNS}), BuildKit, offline:`);
  for (const r of rows) console.log(`  ${r.name.padEnd(20)} first build ${r.cold.toFixed(1)} s   warm rebuild ${r.warm.toFixed(1)} s   (${r.out})`);
}

main();
