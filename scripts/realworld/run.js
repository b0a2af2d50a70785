#!/usr/bin/env node
'use strict';
// Real-world benchmark: builds public projects by other people from their own Dockerfiles, runs
// `stageify --write` on a copy of each as a user would, builds the rewrite, and compares the two
// images (behaviour check and size). The projects are listed in scripts/realworld/manifest/*.json;
// their sources are prepared outside this repository (see scripts/realworld/prepare.sh).
//
//   node scripts/realworld/run.js                     # every project, then results.json + REALWORLD.md
//   node scripts/realworld/run.js --only a,b          # a subset (merged into the existing results)
//   node scripts/realworld/run.js --rewrite-only      # reuse the cached originals and their checks
//   node scripts/realworld/run.js --report-only       # rewrite examples/REALWORLD.md from results.json
//
// Every build runs with --network none and every run with --network none --pull never. An image a
// Dockerfile names that is neither present locally nor aliased in the manifest is never built
// against: the row says which stand-in is missing.

const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const MANIFEST_DIR = path.join(__dirname, 'manifest');
const RESULTS = path.join(__dirname, 'results.json');
const REPORT = path.join(ROOT, 'examples', 'REALWORLD.md');
const STAGEIFY = path.join(ROOT, 'bin', 'stageify.js');
const SIDECAR = 'gcr.io/distroless/static-debian12:debug';
const IMAGE_REPO = 'stageify-realworld';
const HTTP_REQUEST_TIMEOUT_S = 3;
const STAGECRAFT = 'StageCraft (60.3% working, -52.2% size over 521 real projects)';
const CLASSES = ['works', 'nothing to gain', 'left alone', 'broken', 'unverified', 'error'];

function usage() {
  return `usage: node scripts/realworld/run.js [options]
  --only ID[,ID...]    run these projects only (results of the others are kept)
  --rewrite-only       do not build or check the originals again: reuse the cached image and the
                       original's check from results.json (projects without one are checked)
  --report-only        only rewrite examples/REALWORLD.md from scripts/realworld/results.json
  --jobs N             projects at once (default 1)
  --build-timeout S    seconds per docker build (default 600)
  --run-timeout S      seconds per program run of a stdout check (default 60)
  --src DIR            folder holding one source tree per project id
                       (default $STAGEIFY_REALWORLD_SRC or /work/realworld-src)
  --out DIR            where rewrites and logs are kept (default $TMPDIR/stageify-realworld)
  --manifest FILE      read only this manifest (repeatable; default every manifest/*.json)
  --no-report          do not write results.json or REALWORLD.md`;
}

function parseArgs(argv) {
  const o = {
    only: null, rewriteOnly: false, reportOnly: false, jobs: 1, buildTimeout: 600, runTimeout: 60,
    src: process.env.STAGEIFY_REALWORLD_SRC || '/work/realworld-src',
    out: path.join(os.tmpdir(), 'stageify-realworld'), manifests: [], report: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    const key = a.split('=')[0];
    if (key === '--only') o.only = val().split(',').map((s) => s.trim()).filter(Boolean);
    else if (key === '--rewrite-only') o.rewriteOnly = true;
    else if (key === '--report-only') o.reportOnly = true;
    else if (key === '--jobs') o.jobs = Math.max(1, parseInt(val(), 10) || 1);
    else if (key === '--build-timeout') o.buildTimeout = Number(val());
    else if (key === '--run-timeout') o.runTimeout = Number(val());
    else if (key === '--src') o.src = path.resolve(val());
    else if (key === '--out') o.out = path.resolve(val());
    else if (key === '--manifest') o.manifests.push(path.resolve(val()));
    else if (key === '--no-report') o.report = false;
    else if (a === '-h' || a === '--help') { console.log(usage()); process.exit(0); }
    else throw new Error(`unknown option ${a}\n${usage()}`);
  }
  return o;
}

// ---------------------------------------------------------------------------------------------
// Manifest

function readManifests(files) {
  const list = files.length ? files : fs.readdirSync(MANIFEST_DIR).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(MANIFEST_DIR, f));
  const projects = [];
  const seen = new Set();
  for (const file of list) {
    let entries;
    try { entries = JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) { throw new Error(`${file}: ${e.message}`); }
    if (!Array.isArray(entries)) throw new Error(`${file}: expected a JSON array`);
    for (const p of entries) {
      const where = `${path.basename(file)}: ${p && p.id ? p.id : JSON.stringify(p).slice(0, 60)}`;
      const problem = validateEntry(p);
      if (problem) throw new Error(`${where}: ${problem}`);
      if (seen.has(p.id)) throw new Error(`${where}: duplicate id`);
      seen.add(p.id);
      projects.push({ ...p, manifest: path.basename(file) });
    }
  }
  return projects;
}

function validateEntry(p) {
  if (!p || typeof p !== 'object') return 'not an object';
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(p.id || '')) return 'id must be lowercase letters, digits, . _ -';
  if (!/^[^/\s]+\/[^/\s]+$/.test(p.repo || '')) return 'repo must be owner/name';
  if (!/^[0-9a-f]{40}$/.test(p.commit || '')) return 'commit must be 40 hex digits';
  for (const k of ['dockerfile', 'context']) {
    if (typeof p[k] !== 'string' || !p[k] || path.isAbsolute(p[k]) || p[k].split('/').includes('..')) return `${k} must be a repo-relative path`;
  }
  const c = p.check;
  if (!c || !['stdout', 'http', 'running'].includes(c.type)) return 'check.type must be stdout, http or running';
  if (c.type === 'http' && !(c.port > 0)) return 'http check needs a port';
  if (c.args && !Array.isArray(c.args)) return 'check.args must be an array';
  if (p.aliases && typeof p.aliases !== 'object') return 'aliases must be an object';
  return null;
}

// Same inputs, same original image: the tag is derived from everything that shapes the build.
function originalKey(p) {
  const h = crypto.createHash('sha256');
  h.update(JSON.stringify([p.repo, p.commit, p.dockerfile, p.context, p.aliases || {}]));
  return h.digest('hex').slice(0, 16);
}

// ---------------------------------------------------------------------------------------------
// Processes

function exec(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env || process.env, stdio: ['pipe', 'pipe', 'pipe'], detached: !!opts.timeout });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const cap = opts.cap || 4_000_000;
    child.stdout.on('data', (d) => { if (stdout.length < cap) stdout += d; });
    child.stderr.on('data', (d) => { if (stderr.length < cap) stderr += d; });
    // A program that exits without reading its input closes the pipe: not an error of the run.
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input || '');
    let timer = null;
    if (opts.timeout) {
      timer = setTimeout(() => {
        timedOut = true;
        try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
        setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000).unref();
      }, opts.timeout);
    }
    child.on('error', (e) => { stderr += String(e); });
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code: timedOut ? null : code, stdout, stderr, timedOut });
    });
  });
}

// Error text from builds and runs is kept in the results; addresses and host names in it (a resolver,
// a module proxy, a package mirror) say nothing about the project and are not kept.
function scrub(text) {
  return String(text)
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi, '<url>')
    .replace(/\blookup \S+ on \S+/g, 'lookup <host>')
    .replace(/\b(resolve host:?) [^\s'"]+/gi, '$1 <host>')
    .replace(/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, '<addr>')
    .replace(/unrecognized import path "[^"]+"/g, 'unrecognized import path');
}

const sha256 = (text) => crypto.createHash('sha256').update(text).digest('hex');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const tail = (s, n = 1500) => (s.length > n ? `…${s.slice(-n)}` : s);
const lastLines = (s, n = 3) => s.trim().split('\n').filter((l) => l.trim()).slice(-n).join(' / ').slice(0, 400);

let DOCKER = 'docker';

async function findDocker() {
  for (const bin of [process.env.STAGEIFY_DOCKER || 'docker', '/usr/local/bin/docker', '/usr/bin/docker']) {
    const r = await exec(bin, ['version', '--format', '{{.Server.Version}}'], { timeout: 30000 });
    if (r.code === 0 && r.stdout.trim()) return bin;
  }
  return null;
}

async function imageExists(ref) {
  return (await exec(DOCKER, ['image', 'inspect', '--format', '{{.Id}}', ref], { timeout: 30000 })).code === 0;
}

async function imageId(ref) {
  const r = await exec(DOCKER, ['image', 'inspect', '--format', '{{.Id}}', ref], { timeout: 30000 });
  return r.code === 0 ? r.stdout.trim() : null;
}

async function imageSize(ref) {
  const r = await exec(DOCKER, ['image', 'inspect', '-f', '{{.Size}}', ref], { timeout: 30000 });
  const n = Number(r.stdout.trim());
  return r.code === 0 && Number.isFinite(n) ? n : 0;
}

// ---------------------------------------------------------------------------------------------
// Images a Dockerfile needs

let verifyLib = null;
function baseImages(text) {
  if (!verifyLib) verifyLib = require(path.join(ROOT, 'dist', 'src', 'verify.js'));
  return verifyLib.listBaseImages(text);
}
function usesRunMount(text) {
  if (!verifyLib) verifyLib = require(path.join(ROOT, 'dist', 'src', 'verify.js'));
  return verifyLib.usesRunMount(text);
}

// Makes every image the file names available locally, through the manifest's aliases where the
// name itself is missing. Returns the names that stay missing (nothing is pulled, ever).
async function ensureImages(text, aliases) {
  const missing = [];
  for (const ref of baseImages(text)) {
    if (/\$/.test(ref)) { missing.push(ref); continue; }
    // An alias is tagged again on every run: a tag left from an earlier run would keep an image
    // from before the stand-in it points to was rebuilt.
    const target = aliases && aliases[ref];
    if (target && (await imageId(target))) {
      if ((await imageId(ref)) === (await imageId(target))) continue;
      const r = await exec(DOCKER, ['tag', target, ref], { timeout: 30000 });
      if (r.code === 0) continue;
    }
    if (await imageExists(ref)) continue;
    missing.push(ref);
  }
  return missing;
}

async function build(dockerfile, context, tag, timeoutS, logFile) {
  const text = fs.readFileSync(dockerfile, 'utf8');
  const env = { ...process.env, DOCKER_BUILDKIT: '0' };
  let client = DOCKER;
  const args = ['build', '--network', 'none', '-f', dockerfile, '-t', tag];
  if (usesRunMount(text)) {
    env.DOCKER_BUILDKIT = '1';
    if (fs.existsSync('/usr/bin/docker')) client = '/usr/bin/docker';
    args.push('--progress', 'plain');
  } else {
    args.push('--force-rm');
  }
  args.push(context);
  const t0 = Date.now();
  const r = await exec(client, args, { env, timeout: timeoutS * 1000 });
  const log = r.stdout + r.stderr + (r.timedOut ? `\n[realworld] build timed out after ${timeoutS} s\n` : '');
  if (logFile) fs.writeFileSync(logFile, log);
  const ok = r.code === 0 && (await imageExists(tag));
  return { ok, seconds: Math.round((Date.now() - t0) / 1000), error: ok ? null : (r.timedOut ? `build timed out after ${timeoutS} s` : buildError(log)) };
}

// The lines of a failed build that say why: the builder's notices (the legacy builder's deprecation
// text) are dropped, the step that failed is kept with the output just before it.
function buildError(log) {
  const lines = log.replace(/\x1b\[[0-9;]*m/g, '').split('\n').map((l) => l.trim()).filter((l) => l && !/DEPRECATED|BuildKit|buildx|environment-variable|docs\.docker\.com|^Sending build context|^Step \d+\/|^--->|^Removing intermediate|^Running in/i.test(l));
  const failed = lines.findIndex((l) => /returned a non-zero code|^ERROR|failed to solve/i.test(l));
  const pick = failed >= 0 ? lines.slice(Math.max(0, failed - 2), failed + 1) : lines.slice(-3);
  return pick.join(' / ').slice(0, 500);
}

// ---------------------------------------------------------------------------------------------
// Behaviour checks. Each returns { ok, observed, detail }: ok says the program ran here at all
// (a docker/exec failure or a server that died is not ok); observed is what gets compared.

async function runCheck(image, check, name, runTimeoutS) {
  if (check.type === 'stdout') return stdoutCheck(image, check, name, runTimeoutS);
  if (check.type === 'http') return httpCheck(image, check, name);
  return runningCheck(image, check, name);
}

function runArgs(name, check, detached) {
  const a = ['run', '--name', name, '--network', 'none', '--pull', 'never'];
  if (detached) a.push('-d'); else a.push('--rm');
  if (check.entrypoint !== undefined) a.push('--entrypoint', check.entrypoint);
  return a;
}

async function stdoutCheck(image, check, name, runTimeoutS) {
  await exec(DOCKER, ['rm', '-f', name], { timeout: 30000 });
  const timeout = (check.timeout || runTimeoutS) * 1000;
  const r = await exec(DOCKER, [...runArgs(name, check, false), image, ...(check.args || [])], { timeout });
  if (r.timedOut) {
    await exec(DOCKER, ['rm', '-f', name], { timeout: 30000 });
    return { ok: false, observed: { timedOut: true }, detail: `still running after ${timeout / 1000} s` };
  }
  // Kept as a digest (compared) and a short head (shown): the program's whole output is not stored.
  const observed = { exit: r.code, stdoutSha256: sha256(r.stdout), stdoutBytes: Buffer.byteLength(r.stdout), stdoutHead: r.stdout.slice(0, 120) };
  if (r.code === 125 || r.code === 126 || r.code === 127) {
    return { ok: false, observed, detail: `exit ${r.code}: ${lastLines(r.stderr, 2)}` };
  }
  if (check.expectExit !== undefined && r.code !== check.expectExit) {
    return { ok: false, observed, detail: `exit ${r.code}, expected ${check.expectExit}: ${lastLines(r.stderr + r.stdout, 2)}` };
  }
  return { ok: true, observed, detail: `exit ${r.code}, ${r.stdout.length} bytes of stdout` };
}

async function containerState(name) {
  const r = await exec(DOCKER, ['inspect', '-f', '{{.State.Running}} {{.State.ExitCode}}', name], { timeout: 30000 });
  const [running, code] = r.stdout.trim().split(' ');
  return { running: running === 'true', exit: Number(code) };
}

async function logsOf(name) {
  const r = await exec(DOCKER, ['logs', '--tail', '20', name], { timeout: 30000 });
  return lastLines(r.stdout + r.stderr, 2);
}

async function startDetached(image, check, name) {
  await exec(DOCKER, ['rm', '-f', name], { timeout: 30000 });
  const r = await exec(DOCKER, [...runArgs(name, check, true), image, ...(check.args || [])], { timeout: 60000 });
  if (r.code !== 0) return lastLines(r.stderr, 2) || `docker run exit ${r.code}`;
  return null;
}

async function httpCheck(image, check, name) {
  const failed = await startDetached(image, check, name);
  try {
    if (failed) return { ok: false, observed: { status: null }, detail: failed };
    const url = `http://127.0.0.1:${check.port}${check.path || '/'}`;
    const deadline = Date.now() + (check.wait || 5) * 1000;
    let status = null;
    let last = '';
    // Poll until the server answers or the wait is over; a status from the first answer counts.
    for (;;) {
      const st = await containerState(name);
      if (!st.running) {
        return { ok: false, observed: { status: null, exited: st.exit }, detail: `exited ${st.exit} before answering: ${await logsOf(name)}` };
      }
      // busybox wget's own -T crashes in this build: the request is bounded by busybox timeout, run
      // from a shell so that wget is not PID 1 (which ignores the signal timeout sends).
      const r = await exec(DOCKER, ['run', '--rm', '--network', `container:${name}`, '--pull', 'never', '--entrypoint', '/busybox/sh', SIDECAR,
        '-c', `/busybox/timeout ${HTTP_REQUEST_TIMEOUT_S} /busybox/wget -S -q -O /dev/null '${url}'; exit $?`], { timeout: 30000 });
      const m = /HTTP\/[\d.]+\s+(\d{3})/.exec(r.stderr + r.stdout);
      last = lastLines(r.stderr, 1);
      if (m) { status = Number(m[1]); break; }
      if (Date.now() >= deadline) break;
      await sleep(1000);
    }
    if (status === null) return { ok: false, observed: { status: null }, detail: `no HTTP answer on ${url} within ${check.wait || 5} s (${last})` };
    return { ok: true, observed: { status }, detail: `HTTP ${status}` };
  } finally {
    await exec(DOCKER, ['rm', '-f', name], { timeout: 30000 });
  }
}

async function runningCheck(image, check, name) {
  const failed = await startDetached(image, check, name);
  try {
    if (failed) return { ok: false, observed: { running: false }, detail: failed };
    await sleep((check.seconds || 5) * 1000);
    const st = await containerState(name);
    if (!st.running) return { ok: false, observed: { running: false, exit: st.exit }, detail: `exited ${st.exit}: ${await logsOf(name)}` };
    return { ok: true, observed: { running: true }, detail: `running after ${check.seconds || 5} s` };
  } finally {
    await exec(DOCKER, ['rm', '-f', name], { timeout: 30000 });
  }
}

function sameBehaviour(check, a, b) {
  if (check.type === 'stdout') return a.exit === b.exit && a.stdoutSha256 === b.stdoutSha256;
  if (check.type === 'http') return a.status === b.status;
  return a.running === b.running;
}

function describeDifference(check, a, b) {
  if (check.type === 'stdout') {
    if (a.exit !== b.exit) return `exit ${a.exit} before, ${b.exit} after`;
    return `stdout differs (${a.stdoutBytes} vs ${b.stdoutBytes} bytes): ${JSON.stringify(b.stdoutHead)}`;
  }
  if (check.type === 'http') return `HTTP ${a.status} before, ${b.status} after`;
  return `running ${a.running} before, ${b.running} after`;
}

// ---------------------------------------------------------------------------------------------
// stageify

async function runStageify(workdir, dockerfile) {
  const r = await exec(process.execPath, [STAGEIFY, dockerfile, '--write', '--format', 'json'], { cwd: workdir, timeout: 120000 });
  let report = null;
  try { report = JSON.parse(r.stdout); } catch { /* reported below */ }
  const file = report && report.files && report.files[0];
  if (!file) return { status: 'error', messages: [{ id: 'internal/no-report', severity: 'error', text: lastLines(r.stderr || r.stdout, 3) }], exit: r.code };
  return { status: file.status, messages: file.messages || [], baseBefore: file.baseBefore, baseAfter: file.baseAfter, exit: r.code };
}

// Messages that leave a file alone because a runtime stage would not be smaller than the image it
// already uses (the builder is itself the slim or runtime variant): nothing to gain, like a file on
// a minimal base or one that is multi-stage already.
const NO_SMALLER_RUNTIME = new Set(['node/already-runtime', 'python/slim-builder', 'ruby/slim-builder', 'java/already-jre']);
const NOTHING_TO_GAIN = new Set(['skip/already-minimal', 'skip/already-multistage', ...NO_SMALLER_RUNTIME]);

function reasonOf(messages) {
  const pick = messages.find((m) => m.severity === 'error') || messages.find((m) => m.severity === 'warning') || messages.find((m) => /^skip\//.test(m.id)) || messages[0];
  return pick ? `${pick.id}: ${pick.text}` : 'no message';
}

function copyTree(from, to) {
  fs.rmSync(to, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true });
}

// ---------------------------------------------------------------------------------------------
// One project

async function runProject(p, o, previous) {
  const t0 = Date.now();
  const key = originalKey(p);
  const origTag = `${IMAGE_REPO}/${p.id}:orig-${key}`;
  const rewTag = `${IMAGE_REPO}/${p.id}:rewrite`;
  const cname = (side) => `stageify-rw-${p.id}-${side}`;
  const res = {
    id: p.id, repo: p.repo, commit: p.commit, ecosystem: p.ecosystem, kind: p.kind, dockerfile: p.dockerfile, context: p.context,
    check: p.check.type, manifest: p.manifest, originalKey: key, class: null, reason: null, sizeBefore: null, sizeAfter: null,
    cut: null, messages: [], stageifyStatus: null, original: null, rewrite: null, notes: [],
  };
  const outDir = path.join(o.out, p.id);
  fs.mkdirSync(outDir, { recursive: true });
  const src = path.join(o.src, p.id);
  const done = (cls, reason) => { res.class = cls; res.reason = reason === null ? null : scrub(reason); res.seconds = Math.round((Date.now() - t0) / 1000); return res; };

  if (!fs.existsSync(path.join(src, p.dockerfile))) {
    return done('error', `source tree missing: ${path.join(src, p.dockerfile)} (run scripts/realworld/prepare.sh)`);
  }
  const ctxDir = path.join(src, p.context);
  if (!fs.existsSync(ctxDir)) return done('error', `context folder missing: ${p.context}`);
  const originalText = fs.readFileSync(path.join(src, p.dockerfile), 'utf8');

  // 1. The original: cached image by repo+commit+path, its check reused with --rewrite-only.
  const prev = previous && previous.originalKey === key && !(previous.original && previous.original.observed && 'stdout' in previous.original.observed) ? previous.original : null;
  let original;
  if (o.rewriteOnly && prev && prev.ok !== undefined && (!prev.ok || (await imageExists(origTag)))) {
    original = prev;
  } else {
    original = { built: false, cached: false, ok: false, size: 0 };
    const missing = await ensureImages(originalText, p.aliases);
    if (missing.length) {
      res.original = original;
      return done('error', `missing stand-in ${missing.join(', ')}`);
    }
    if (await imageExists(origTag)) {
      original.built = true;
      original.cached = true;
    } else {
      const b = await build(path.join(src, p.dockerfile), ctxDir, origTag, o.buildTimeout, path.join(outDir, 'original-build.log'));
      original.built = b.ok;
      original.buildSeconds = b.seconds;
      original.buildError = b.error;
    }
    if (original.built) {
      original.size = await imageSize(origTag);
      const c = await runCheck(origTag, p.check, cname('orig'), o.runTimeout);
      original.ok = c.ok;
      original.observed = c.observed;
      original.detail = c.detail;
    }
  }
  res.original = original;
  res.sizeBefore = original.size || null;
  if (!original.built) return done('error', `original does not build here: ${original.buildError}`);
  if (!original.ok) return done('error', `original does not run here: ${original.detail}`);

  // 2. stageify on a copy, from the repository root, as a user would run it.
  const work = path.join(o.out, p.id, 'tree');
  copyTree(src, work);
  const sf = await runStageify(work, p.dockerfile);
  res.stageifyStatus = sf.status;
  res.messages = sf.messages.map((m) => ({ id: m.id, severity: m.severity, text: m.text }));
  res.baseAfter = sf.baseAfter || null;
  const ctxMsg = sf.messages.find((m) => /context/.test(m.id));
  if (ctxMsg) res.notes.push(`stageify context: ${ctxMsg.text}`);
  if (sf.status !== 'changed') {
    const gain = sf.messages.find((m) => NOTHING_TO_GAIN.has(m.id));
    if (gain) return done('nothing to gain', `${gain.id}: ${gain.text}`);
    return done('left alone', reasonOf(sf.messages));
  }
  const rewrittenPath = path.join(work, p.dockerfile);
  const rewrittenText = fs.readFileSync(rewrittenPath, 'utf8');
  fs.writeFileSync(path.join(outDir, 'Dockerfile.rewrite'), rewrittenText);

  // 3. The rewrite: same context (inside the copy), same checks.
  const rewrite = { built: false, ok: false, size: 0 };
  res.rewrite = rewrite;
  const missing = await ensureImages(rewrittenText, p.aliases);
  if (missing.length) {
    const structural = structuralCheck(rewrittenText);
    rewrite.structural = structural;
    return done(structural.ok ? 'unverified' : 'broken',
      `missing stand-in ${missing.join(', ')} for the rewrite: checked structurally only (${structural.detail})`);
  }
  const b = await build(rewrittenPath, path.join(work, p.context), rewTag, o.buildTimeout, path.join(outDir, 'rewrite-build.log'));
  rewrite.built = b.ok;
  rewrite.buildSeconds = b.seconds;
  if (!b.ok) {
    rewrite.buildError = b.error;
    return done('broken', `rewrite does not build: ${b.error}`);
  }
  try {
    rewrite.size = await imageSize(rewTag);
    res.sizeAfter = rewrite.size;
    const c = await runCheck(rewTag, p.check, cname('rew'), o.runTimeout);
    rewrite.ok = c.ok;
    rewrite.observed = c.observed;
    rewrite.detail = c.detail;
    if (!c.ok) return done('broken', `rewrite does not run: ${c.detail}`);
    if (!sameBehaviour(p.check, original.observed, c.observed)) {
      return done('broken', `behaviour differs: ${describeDifference(p.check, original.observed, c.observed)}`);
    }
    res.cut = res.sizeBefore ? 1 - res.sizeAfter / res.sizeBefore : null;
    if (!(res.sizeAfter < res.sizeBefore)) return done('nothing to gain', 'the rewrite is not smaller');
    return done('works', null);
  } finally {
    await exec(DOCKER, ['rmi', '-f', rewTag], { timeout: 60000 });
  }
}

// Without a runtime base to build on, check what can be checked from the text: more than one
// stage, a final stage that copies from an earlier one, and a start command in the final stage.
function structuralCheck(text) {
  const lines = text.split(/\r?\n/);
  const froms = lines.filter((l) => /^\s*FROM\s/i.test(l)).length;
  let last = 0;
  lines.forEach((l, i) => { if (/^\s*FROM\s/i.test(l)) last = i; });
  const final = lines.slice(last);
  const copies = final.some((l) => /^\s*COPY\s+.*--from=/i.test(l));
  const starts = final.some((l) => /^\s*(CMD|ENTRYPOINT)\s/i.test(l));
  const ok = froms >= 2 && copies && starts;
  return { ok, detail: `${froms} stages, final stage ${copies ? 'copies from the builder' : 'copies nothing from the builder'}, ${starts ? 'has a start command' : 'has no start command'}` };
}

// ---------------------------------------------------------------------------------------------
// Report

function shortSize(bytes) {
  if (!bytes) return '–';
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(bytes >= 1e8 ? 0 : 1)} MB`;
  return `${(bytes / 1e3).toFixed(0)} kB`;
}

function median(xs) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const noSmaller = (p) => p.class === 'nothing to gain' && (p.messages || []).some((m) => NO_SMALLER_RUNTIME.has(m.id));

function summarize(projects) {
  reclassify(projects);
  const counts = Object.fromEntries(CLASSES.map((c) => [c, 0]));
  for (const p of projects) counts[p.class] = (counts[p.class] || 0) + 1;
  // Shrinkable: the original builds and runs here and stageify did not judge it already slim.
  const shrinkable = counts.works + counts.broken + counts['left alone'] + counts.unverified;
  const cuts = projects.filter((p) => p.class === 'works' && p.cut !== null).map((p) => p.cut);
  const leftNoSmaller = projects.filter(noSmaller).length;
  const leftOther = counts['left alone'];
  // Projects whose original builds and runs here: every class but error.
  const built = projects.length - (counts.error || 0);
  const byEcosystem = {};
  for (const p of projects) {
    const e = byEcosystem[p.ecosystem] || (byEcosystem[p.ecosystem] = Object.fromEntries(CLASSES.map((c) => [c, 0])));
    e[p.class] = (e[p.class] || 0) + 1;
  }
  return {
    counts, total: projects.length, shrinkable, byEcosystem, leftNoSmaller, leftOther,
    leftOtherShare: built ? leftOther / built : null, built,
    worksShare: shrinkable ? counts.works / shrinkable : null,
    rewritesWorkShare: counts.works + counts.broken ? counts.works / (counts.works + counts.broken) : null,
    medianCut: median(cuts),
  };
}

const pct = (x) => (x === null || x === undefined ? '–' : `${(x * 100).toFixed(1)}%`);
const cell = (s) => String(s ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** Results kept from an earlier run are read with today's classes (a skip that gains nothing). */
function reclassify(projects) {
  for (const p of projects) {
    if (p.class === 'left alone' && (p.messages || []).some((m) => NOTHING_TO_GAIN.has(m.id))) p.class = 'nothing to gain';
  }
  return projects;
}

function renderMarkdown(results) {
  // summarize reads the results with today's classes, and the rows below follow it.
  const s = summarize(results.projects);
  const out = [];
  out.push('# stageify on real projects by other people', '');
  out.push('Each row is a public repository at a pinned commit, built offline from its own Dockerfile, then rewritten with');
  out.push('`stageify <Dockerfile> --write` run from the repository root and built again. Both images get the same behaviour');
  out.push('check (stdout + exit code, an HTTP status from a sidecar in the server\'s network namespace, or still running after');
  out.push('N s). Base images are local stand-ins (Debian 12 toolchains under the upstream tags, see scripts/e2e/standins.sh);');
  out.push('a tag with no stand-in is aliased in the manifest. Regenerate with `node scripts/realworld/run.js` (how to run it:');
  out.push('README.md, "Real projects"); the raw figures are in `scripts/realworld/results.json`.', '');
  out.push(`Run: ${results.generated}, stageify ${results.stageifyVersion} at ${results.stageifyCommit}.`, '');
  out.push('## Totals', '');
  out.push('| class | projects |', '| --- | ---: |');
  for (const c of CLASSES) out.push(`| ${c} | ${s.counts[c] || 0} |`);
  out.push(`| **all** | **${s.total}** |`, '');
  out.push('By ecosystem:', '');
  out.push(`| ecosystem | ${CLASSES.join(' | ')} | all | median cut |`, `| --- | ${CLASSES.map(() => '---:').join(' | ')} | ---: | ---: |`);
  for (const [eco, c] of Object.entries(s.byEcosystem)) {
    const m = median(results.projects.filter((p) => p.ecosystem === eco && p.class === 'works' && p.cut !== null).map((p) => p.cut));
    out.push(`| ${cell(eco)} | ${CLASSES.map((k) => c[k] || 0).join(' | ')} | ${CLASSES.reduce((n, k) => n + (c[k] || 0), 0)} | ${m === null ? '–' : `-${(m * 100).toFixed(1)}%`} |`);
  }
  out.push('');
  out.push(`- Shrinkable projects (the original builds and runs here and stageify did not find it already minimal or multi-stage: works + broken + left alone + unverified): ${s.shrinkable}.`);
  out.push(`- Share of the shrinkable projects that work after the rewrite: **${pct(s.worksShare)}** (${s.counts.works}/${s.shrinkable}); of the rewrites stageify wrote and that could be built, ${pct(s.rewritesWorkShare)} work (${s.counts.works}/${s.counts.works + s.counts.broken}).`);
  out.push(`- Nothing to gain because a runtime stage would not be smaller (the build already uses the slim or runtime image: ${[...NO_SMALLER_RUNTIME].join(', ')}): ${s.leftNoSmaller}. Left alone for any other reason: ${s.leftOther}, **${pct(s.leftOtherShare)}** of the ${s.built} projects whose original builds and runs here.`);
  out.push(`- Median size cut of the working rewrites: **${s.medianCut === null ? '–' : `-${(s.medianCut * 100).toFixed(1)}%`}**.`);
  out.push(`- For comparison, ${STAGECRAFT}.`);
  out.push('- "error" rows are projects whose original does not build or run here offline (no network, no stand-in); they say nothing about stageify and are not counted above.', '');
  out.push('## Projects', '');
  out.push('| id | repository | eco | class | before | after | cut | stageify messages / reason |');
  out.push('| --- | --- | --- | --- | ---: | ---: | ---: | --- |');
  for (const p of results.projects) {
    const ids = [...new Set((p.messages || []).map((m) => m.id))].join(', ');
    const reason = p.reason ? scrub(p.reason) : p.reason;
    const why = reason ? (ids && p.class !== 'left alone' && p.class !== 'nothing to gain' ? `${reason} (${ids})` : reason) : ids;
    out.push(`| ${cell(p.id)} | [${cell(p.repo)}@${p.commit.slice(0, 7)}](https://github.com/${p.repo}/tree/${p.commit}/${p.dockerfile}) | ${cell(p.ecosystem)} | ${p.class} | ${shortSize(p.sizeBefore)} | ${shortSize(p.sizeAfter)} | ${p.cut === null ? '–' : `-${(p.cut * 100).toFixed(1)}%`} | ${cell(why)} |`);
  }
  out.push('');
  return out.join('\n');
}

function stageifyInfo() {
  let version = '?';
  let commit = '?';
  try { version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version; } catch { /* keep ? */ }
  try { commit = require('child_process').execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim(); } catch { /* keep ? */ }
  return { version, commit };
}

function readResults() {
  try { return JSON.parse(fs.readFileSync(RESULTS, 'utf8')); } catch { return null; }
}

function lineFor(r) {
  const sizes = r.sizeBefore ? ` ${shortSize(r.sizeBefore)} -> ${shortSize(r.sizeAfter)}${r.cut !== null ? ` (-${(r.cut * 100).toFixed(1)}%)` : ''}` : '';
  return `${r.class.padEnd(15)} ${r.id.padEnd(28)}${sizes}${r.reason ? `  ${r.reason}` : ''}  [${r.seconds}s]`;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const projects = readManifests(o.manifests);
  const prior = readResults();

  if (o.reportOnly) {
    if (!prior) throw new Error(`no ${path.relative(ROOT, RESULTS)} to report from`);
    fs.writeFileSync(REPORT, renderMarkdown(prior));
    console.log(`wrote ${path.relative(ROOT, REPORT)}`);
    return;
  }
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'verify.js'))) throw new Error('build stageify first: npm run build');
  const docker = await findDocker();
  if (!docker) throw new Error('no docker daemon answers (start it with scripts/e2e/setup-docker.sh)');
  DOCKER = docker;
  if (!(await imageExists(SIDECAR))) console.error(`note: ${SIDECAR} is missing: http checks cannot run (scripts/e2e/standins.sh builds it)`);

  let selected = projects;
  if (o.only) {
    const unknown = o.only.filter((id) => !projects.some((p) => p.id === id));
    if (unknown.length) throw new Error(`unknown id(s): ${unknown.join(', ')}`);
    selected = projects.filter((p) => o.only.includes(p.id));
  }
  const prevById = new Map(((prior && prior.projects) || []).map((p) => [p.id, p]));
  fs.mkdirSync(o.out, { recursive: true });

  const results = new Map();
  let next = 0;
  async function worker() {
    while (next < selected.length) {
      const p = selected[next++];
      let r;
      try {
        r = await runProject(p, o, prevById.get(p.id));
      } catch (e) {
        r = { id: p.id, repo: p.repo, commit: p.commit, ecosystem: p.ecosystem, class: 'error', reason: `runner error: ${e.message}`, sizeBefore: null, sizeAfter: null, cut: null, messages: [], seconds: 0 };
      }
      results.set(p.id, r);
      console.log(lineFor(r));
    }
  }
  await Promise.all(Array.from({ length: Math.min(o.jobs, selected.length) }, worker));

  // Keep the manifest order; rows of projects not run this time come from the previous results.
  const merged = [];
  for (const p of projects) {
    const r = results.get(p.id) || prevById.get(p.id);
    if (r) merged.push(r);
  }
  const info = stageifyInfo();
  const out = { generated: new Date().toISOString().slice(0, 10), stageifyVersion: info.version, stageifyCommit: info.commit, docker: DOCKER, projects: merged };
  const s = summarize(merged);
  console.log(`\n${CLASSES.map((c) => `${s.counts[c] || 0} ${c}`).join(', ')} (${s.total} projects)`);
  console.log(`shrinkable that work: ${pct(s.worksShare)} (${s.counts.works}/${s.shrinkable}); left alone for another reason than no smaller runtime: ${pct(s.leftOtherShare)} (${s.leftOther}/${s.shrinkable}); median cut: ${s.medianCut === null ? '–' : `-${(s.medianCut * 100).toFixed(1)}%`}`);
  if (o.report) {
    fs.writeFileSync(RESULTS, `${JSON.stringify(out, (k, v) => (typeof v === 'string' && k !== 'repo' && k !== 'commit' ? scrub(v) : v), 2)}\n`);
    fs.writeFileSync(REPORT, renderMarkdown(out));
    console.log(`wrote ${path.relative(ROOT, RESULTS)} and ${path.relative(ROOT, REPORT)}`);
  }
}

if (require.main === module) {
  main().catch((e) => { console.error(`realworld: ${e.message}`); process.exit(2); });
}

module.exports = { readManifests, validateEntry, originalKey, summarize, renderMarkdown, structuralCheck };
