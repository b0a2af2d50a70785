#!/usr/bin/env node
'use strict';
// A linux/arm64 build of e2e/apps/go-buildkit on an amd64 machine, two ways, in the same run:
//   emulated        the original Dockerfile built with --platform linux/arm64 on an arm64 Go
//                   builder: every compiler process runs under qemu user emulation;
//   cross-compiled  the rewrite with only the `cross` BuildKit feature (FROM --platform=$BUILDPLATFORM,
//                   GOOS=$TARGETOS GOARCH=$TARGETARCH): the amd64 toolchain writes arm64 code.
// Both are cold builds (--no-cache, no cache mounts) of the builder stage, BuildKit, offline. Both
// binaries are checked to be arm64 ELF files and run under emulation with the same output.
//
// Usage: node scripts/bench-arm64.js [--runs N] [--dependency FILES]
//   --dependency FILES  add a generated vendored package of FILES files (120 small functions each),
//                       so that compiling the program's own code, not the standard library, dominates
// Needs: qemu-user-static with the aarch64 binfmt handler (F flag), the amd64 stand-in golang:1.22
// (scripts/e2e/standins.sh), the arm64 stand-in stageify-arm64/golang:1.19 (scripts/standin-arm64.sh),
// and `npx tsc -p tsconfig.build.json` first. Prints why it skips when one is missing.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const APP = path.join(ROOT, 'e2e', 'apps', 'go-buildkit');
const DOCKER = fs.existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker';
const ARM64_IMAGE = 'stageify-arm64/golang:1.19';
const AMD64_IMAGE = 'golang:1.22';
const BINARY = '/usr/local/bin/greeter';
const HANDLER = '/proc/sys/fs/binfmt_misc/qemu-aarch64';
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const depArg = process.argv.indexOf('--dependency');
const DEP_FILES = depArg > 0 ? Number(process.argv[depArg + 1]) : 0;

function run(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
}
function sh(cmd, args, opts = {}) {
  const r = run(cmd, args, opts);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${(r.stderr || r.stdout || '').slice(-2000)}`);
  return r.stdout;
}

/** Why the bench cannot run here, or null. */
function missing() {
  if (!fs.existsSync(HANDLER)) return `no aarch64 handler in binfmt_misc (${HANDLER}): install qemu-user-static`;
  const handler = fs.readFileSync(HANDLER, 'utf8');
  if (!/^enabled$/m.test(handler)) return 'the aarch64 binfmt handler is disabled';
  if (!/^flags:.*F/m.test(handler)) return 'the aarch64 binfmt handler lacks the F flag, so it does not work inside containers';
  for (const [image, arch, how] of [[AMD64_IMAGE, 'amd64', 'scripts/e2e/standins.sh'], [ARM64_IMAGE, 'arm64', 'scripts/standin-arm64.sh']]) {
    const r = run(DOCKER, ['image', 'inspect', '-f', '{{.Architecture}}', image]);
    if (r.status !== 0) return `image ${image} is not present locally (build it with ${how})`;
    if (r.stdout.trim() !== arch) return `image ${image} is ${r.stdout.trim()}, not ${arch}`;
  }
  if (!fs.existsSync(path.join(ROOT, 'dist'))) return 'stageify is not built (npx tsc -p tsconfig.build.json)';
  return null;
}

/** A vendored package `example.com/quote/gen` of `files` files, called from main. */
function addDependency(dir, files) {
  const pkg = path.join(dir, 'vendor', 'example.com', 'quote', 'gen');
  fs.mkdirSync(pkg, { recursive: true });
  for (let f = 0; f < files; f++) {
    const fns = Array.from({ length: 120 }, (_, k) =>
      `func G${f}x${k}(xs []string) string {\n\tys := append([]string(nil), xs...)\n\tsort.Strings(ys)\n` +
      `\treturn fmt.Sprintf("%d:%s", ${k}, strings.Join(ys, ","))\n}\n`);
    fs.writeFileSync(path.join(pkg, `g${f}.go`), `package gen\n\nimport (\n\t"fmt"\n\t"sort"\n\t"strings"\n)\n\n${fns.join('\n')}`);
  }
  const calls = Array.from({ length: files }, (_, f) => `\tn += len(G${f}x0([]string{"b", "a"}))\n`).join('');
  fs.writeFileSync(path.join(pkg, 'sum.go'), `package gen\n\n// Sum calls one function of each file.\nfunc Sum() int {\n\tn := 0\n${calls}\treturn n\n}\n`);
  fs.appendFileSync(path.join(dir, 'vendor', 'modules.txt'), 'example.com/quote/gen\n');
  const main = path.join(dir, 'main.go');
  const src = fs.readFileSync(main, 'utf8');
  const edited = src.replace('"example.com/quote"', '"example.com/quote"\n\t"example.com/quote/gen"')
    .replace('fmt.Println(quote.Line(3))', 'fmt.Println(quote.Line(3), gen.Sum())');
  if (edited === src) throw new Error('main.go of the app changed: cannot call the generated package');
  fs.writeFileSync(main, edited);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function main() {
  const why = missing();
  if (why) {
    console.log(`bench-arm64 skipped: ${why}`);
    return;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stageify-bench-arm64-'));
  const images = new Set();
  try {
    // Emulated: the user's own single-stage file, its builder swapped for the arm64 stand-in.
    const emu = path.join(tmp, 'emulated');
    fs.cpSync(APP, emu, { recursive: true });
    if (DEP_FILES > 0) addDependency(emu, DEP_FILES);
    const original = fs.readFileSync(path.join(emu, 'Dockerfile'), 'utf8');
    const emuFile = original.replace(/^FROM\s+golang:\S+/m, `FROM ${ARM64_IMAGE}`);
    if (emuFile === original) throw new Error('the app Dockerfile does not start FROM golang:<tag>');
    fs.writeFileSync(path.join(emu, 'Dockerfile'), emuFile);

    // Cross-compiled: stageify's rewrite with the cross feature only (no cache mounts: a cold build).
    const cross = path.join(tmp, 'cross');
    fs.cpSync(APP, cross, { recursive: true });
    if (DEP_FILES > 0) addDependency(cross, DEP_FILES);
    fs.writeFileSync(path.join(cross, 'stageify.config.json'), JSON.stringify({ buildkit: { cross: true } }) + '\n');
    sh(process.execPath, [path.join(ROOT, 'bin', 'stageify.js'), '--write', 'Dockerfile'], { cwd: cross });
    const rewrite = fs.readFileSync(path.join(cross, 'Dockerfile'), 'utf8');
    const stage = /^FROM\s+--platform=\$BUILDPLATFORM\s+\S+\s+AS\s+(\S+)/im.exec(rewrite);
    if (!stage || !/GOARCH=\$TARGETARCH/.test(rewrite)) throw new Error(`the rewrite is not cross-compiling:\n${rewrite}`);

    const variants = [
      { name: 'emulated', dir: emu, target: [] },
      // Only the builder stage: the runtime stand-ins are amd64 images.
      { name: 'cross-compiled', dir: cross, target: ['--target', stage[1]] },
    ];
    for (const v of variants) v.times = [];
    for (let r = 0; r < RUNS; r++) {
      for (const v of variants) {
        const iid = path.join(tmp, `${v.name}.iid`);
        const t = process.hrtime.bigint();
        sh(DOCKER, ['build', '--no-cache', '--network', 'none', '--platform', 'linux/arm64', '--progress', 'plain',
          '--iidfile', iid, ...v.target, '.'], { cwd: v.dir, env: { ...process.env, DOCKER_BUILDKIT: '1' } });
        v.times.push(Number(process.hrtime.bigint() - t) / 1e9);
        v.image = fs.readFileSync(iid, 'utf8').trim();
        images.add(v.image);
      }
    }

    // Both binaries: arm64 ELF files that print the same lines under emulation.
    for (const v of variants) {
      const id = sh(DOCKER, ['create', v.image, 'true']).trim();
      const out = path.join(tmp, `bin-${v.name}`);
      fs.mkdirSync(out);
      try { sh(DOCKER, ['cp', `${id}:${BINARY}`, out]); } finally { sh(DOCKER, ['rm', id]); }
      const bin = path.join(out, path.basename(BINARY));
      const elf = fs.readFileSync(bin);
      v.machine = elf.readUInt16LE(18) === 0xb7 ? 'aarch64' : `e_machine 0x${elf.readUInt16LE(18).toString(16)}`;
      v.size = elf.length;
      v.output = sh(DOCKER, ['run', '--rm', '--network', 'none', '--pull', 'never', '--platform', 'linux/arm64',
        '-v', `${out}:/bench:ro`, ARM64_IMAGE, `/bench/${path.basename(BINARY)}`]).trim();
    }
    const same = variants[0].output === variants[1].output;
    const app = DEP_FILES > 0 ? `e2e/apps/go-buildkit + a vendored package of ${DEP_FILES} files` : 'e2e/apps/go-buildkit';
    console.log(`linux/arm64 build of ${app} (cold, --no-cache, median of ${RUNS}), BuildKit, offline:`);
    for (const v of variants) {
      console.log(`  ${v.name.padEnd(15)} ${median(v.times).toFixed(1)} s   (runs ${v.times.map((x) => x.toFixed(1)).join(', ')} s; ` +
        `${v.machine}, ${(v.size / 1024).toFixed(0)} KiB)`);
    }
    console.log(`  speed-up        ${(median(variants[0].times) / median(variants[1].times)).toFixed(1)}x`);
    console.log(`  output ${same ? 'identical' : 'DIFFERS'}: ${JSON.stringify(variants[0].output)}` +
      (same ? '' : ` vs ${JSON.stringify(variants[1].output)}`));
    if (!same || variants.some((v) => v.machine !== 'aarch64')) process.exitCode = 1;
  } finally {
    for (const id of images) run(DOCKER, ['rmi', id]);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main();
