#!/usr/bin/env node
'use strict';
// Real-build test tier runner (see scripts/e2e/README.md).
//
// For each app folder under examples/*/ and e2e/apps/*/ (a Dockerfile plus sources, optional e2e.json):
// copy it to a temp dir, run `stageify --write` on the copy, then build and run the original and the
// rewritten Dockerfile with a real Docker daemon (src/verify.ts) and compare stdout and exit status.
// Writes examples/RESULTS.md (full runs only) and ends with the line `N passed, N failed`.
//
// Usage: node scripts/e2e/run.js [--only NAME[,NAME]]... [--originals] [--no-setup] [--keep-images]
//                                [--verbose] [--results FILE]
//   --only        run a subset (app folder name, or examples/NAME, e2e/apps/NAME); repeatable
//   --originals   do not run stageify: build and run each ORIGINAL twice (checks the fixtures)
//   --no-setup    do not run setup-docker.sh / standins.sh (as root they run by default; both are
//                 idempotent and take seconds once everything exists)
//   --results     where to write the table (default examples/RESULTS.md; not written with --only
//                 or --originals unless given)
// e2e.json: { "runArgs": [...], "entrypoint": "...", "expectStdout": "substring", "expectExit": 0,
//             "expectUnchanged": true, "timeoutMs": 60000, "skip": "reason" }
// A monorepo app has no Dockerfile of its own: its e2e.json lists "services" (each { "name",
// "dockerfile", "context", and the keys above }), built from the given context (a folder of the app),
// and "prebuild" images (each { "image", "dockerfile", "context" }) that the services build FROM,
// built first from the original files. stageify runs once, `--write .` at the app's root.
// Env: CI=true makes "Docker unavailable" a failure instead of a skip.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const APP_ROOTS = ['examples', path.join('e2e', 'apps')];
const CI = /^(1|true|yes)$/i.test(process.env.CI || '');

function parseArgs(argv) {
  const o = { only: [], originals: false, setup: true, keepImages: false, verbose: false, results: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (a.includes('=')) return a.slice(a.indexOf('=') + 1);
      if (i + 1 >= argv.length) die(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--only' || a.startsWith('--only=')) o.only.push(...val().split(',').filter(Boolean));
    else if (a === '--originals') o.originals = true;
    else if (a === '--no-setup') o.setup = false;
    else if (a === '--keep-images') o.keepImages = true;
    else if (a === '--verbose' || a === '-v') o.verbose = true;
    else if (a === '--results' || a.startsWith('--results=')) o.results = path.resolve(val());
    else if (a === '-h' || a === '--help') {
      const src = fs.readFileSync(__filename, 'utf8').split('\n');
      console.log(src.slice(2, 25).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    } else die(`unknown argument: ${a}`);
  }
  return o;
}

function die(msg, code = 2) {
  console.error(`e2e: ${msg}`);
  process.exit(code);
}

function loadVerify() {
  const p = path.join(ROOT, 'dist', 'src', 'verify.js');
  if (!fs.existsSync(p)) die(`${path.relative(ROOT, p)} not found: run \`npm run build\` first`, 1);
  return require(p);
}

/** App folders: examples first, then e2e/apps; each sorted by name. */
function discoverApps() {
  const apps = [];
  for (const rel of APP_ROOTS) {
    const dir = path.join(ROOT, rel);
    if (!fs.existsSync(dir)) continue;
    const names = fs.readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && (fs.existsSync(path.join(dir, d.name, 'Dockerfile')) || hasServices(path.join(dir, d.name))))
      .map((d) => d.name)
      .sort();
    for (const name of names) apps.push({ name, label: `${rel.split(path.sep).join('/')}/${name}`, dir: path.join(dir, name) });
  }
  return apps;
}

function hasServices(dir) {
  const cfg = readConfig({ dir });
  return Array.isArray(cfg.services);
}

function readConfig(app) {
  const p = path.join(app.dir, 'e2e.json');
  if (!fs.existsSync(p)) return {};
  try {
    return JSON.parse(fs.readFileSync(p, 'utf8'));
  } catch (e) {
    return { configError: `bad e2e.json: ${e.message}` };
  }
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function sh(script, env = process.env) {
  const r = spawnSync('bash', [path.join(__dirname, script)], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'inherit'] });
  return { ok: r.status === 0, stdout: r.stdout || '' };
}

/** Makes sure a daemon answers (and the stand-ins exist, as root). Returns the docker binary or exits. */
function ensureDocker(verify, opts) {
  if (opts.setup && isRoot()) {
    const s = sh('setup-docker.sh');
    if (!s.ok) return unavailable('setup-docker.sh failed');
    const m = /DOCKER=(\S+)\s*$/.exec(s.stdout);
    if (m) process.env.STAGEIFY_DOCKER = m[1];
    if (!sh('standins.sh', { ...process.env, DOCKER: m ? m[1] : 'docker' }).ok) {
      console.error('e2e: standins.sh failed');
      process.exit(1);
    }
  }
  const d = verify.findDocker();
  if (!d.bin) return unavailable(d.error);
  process.env.STAGEIFY_DOCKER = d.bin;
  return d.bin;
}

function unavailable(why) {
  if (CI || isRoot()) {
    console.error(`e2e: Docker unavailable: ${why}`);
    process.exit(1);
  }
  console.log(`e2e: SKIPPED — Docker unavailable and not root (${why}). Run as root to set it up.`);
  process.exit(0);
}

/** Runs the stageify CLI on the copy (a Dockerfile, or a folder: then from that folder). Returns { ok, note }. */
function rewrite(target) {
  const bin = path.join(ROOT, 'bin', 'stageify.js');
  if (!fs.existsSync(bin)) return { ok: false, note: 'bin/stageify.js not found' };
  const isDir = fs.statSync(target).isDirectory();
  const r = spawnSync(process.execPath, [bin, '--write', isDir ? '.' : target], {
    cwd: isDir ? target : path.dirname(target), encoding: 'utf8', timeout: 120000, env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.error) return { ok: false, note: `stageify failed to start: ${r.error.message}` };
  if (r.status !== 0) {
    const msg = (r.stderr || r.stdout || '').trim().split('\n').slice(-3).join(' | ');
    return { ok: false, note: `stageify exit ${r.status}${msg ? `: ${msg}` : ''}` };
  }
  return { ok: true };
}

function lastLines(s, n) {
  return s.trim().split('\n').slice(-n).map((l) => `      ${l}`).join('\n');
}

/** The checks of one verified build, shared by single apps and monorepo services. */
async function verifyOne(verify, rec, cfg, o) {
  const r = await verify.verifyRewrite({
    contextDir: o.contextDir,
    originalDockerfile: o.original,
    rewrittenDockerfile: o.rewritten,
    runArgs: Array.isArray(cfg.runArgs) ? cfg.runArgs.map(String) : undefined,
    entrypoint: cfg.entrypoint,
    timeoutMs: cfg.timeoutMs,
    keepImages: o.keepImages,
  });
  rec.result = r;
  if (r.setupError) rec.reasons.push(r.setupError);
  else {
    if (!r.original.built) rec.reasons.push('original does not build');
    if (!r.rewritten.built) rec.reasons.push('rewritten does not build');
    if (r.original.built && r.rewritten.built) {
      if (!r.sameExit) rec.reasons.push(`exit status differs (${exitOf(r.original)} → ${exitOf(r.rewritten)})`);
      if (!r.sameOutput && r.original.ran && r.rewritten.ran) rec.reasons.push('stdout differs');
    }
    if (cfg.expectStdout !== undefined) {
      for (const [side, s] of [['original', r.original], ['rewritten', r.rewritten]]) {
        if (s.ran && !s.stdout.includes(String(cfg.expectStdout))) rec.reasons.push(`${side} stdout lacks ${JSON.stringify(cfg.expectStdout)}`);
      }
    }
    if (typeof cfg.expectExit === 'number') {
      for (const [side, s] of [['original', r.original], ['rewritten', r.rewritten]]) {
        if (s.ran && s.exitCode !== cfg.expectExit) rec.reasons.push(`${side} exit ${exitOf(s)}, expected ${cfg.expectExit}`);
      }
    }
  }
  if (!rec.reasons.length && r.ok) rec.status = 'pass';
  else if (!rec.reasons.length) rec.reasons.push('not verified');
}

/**
 * A monorepo app: `stageify --write .` once at its root, the `prebuild` images built from their
 * original Dockerfiles (every FROM image checked to exist locally first), then each service built
 * and run before and after from its context. One record per service.
 */
async function runMonorepo(verify, app, cfg, opts) {
  const services = cfg.services.map((svc) => ({
    app: { ...app, name: `${app.name}-${svc.name}`, label: `${app.label}:${svc.name}` },
    cfg: { ...svc }, svc, status: 'fail', reasons: [], result: undefined, before: undefined, after: undefined,
  }));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `stageify-e2e-${app.name}-`));
  const built = [];
  const docker = process.env.STAGEIFY_DOCKER || 'docker';
  try {
    const root = path.join(tmp, app.name);
    fs.cpSync(app.dir, root, { recursive: true, preserveTimestamps: true });
    const originals = services.map((rec) => fs.readFileSync(path.join(root, rec.svc.dockerfile), 'utf8'));
    let note = null;
    if (!opts.originals) {
      const rw = rewrite(root);
      if (!rw.ok) note = rw.note;
    }
    for (const pre of cfg.prebuild || []) {
      const file = path.join(root, pre.dockerfile);
      const missing = verify.listBaseImages(fs.readFileSync(file, 'utf8'))
        .filter((img) => spawnSync(docker, ['image', 'inspect', img], { stdio: 'ignore' }).status !== 0);
      if (missing.length) { note = `prebuild ${pre.image}: base image missing locally: ${missing.join(', ')}`; break; }
      const b = spawnSync(docker, ['build', '--network', 'none', '-q', '-t', pre.image, '-f', file, path.join(root, pre.context)], {
        encoding: 'utf8', env: { ...process.env, DOCKER_BUILDKIT: '0' }, timeout: 600000,
      });
      if (b.status !== 0) { note = `prebuild ${pre.image} failed: ${lastLines(b.stderr || b.stdout || '', 3).trim()}`; break; }
      built.push(pre.image);
    }
    for (let k = 0; k < services.length; k++) {
      const rec = services[k];
      if (note) { rec.reasons.push(note); continue; }
      const rewritten = fs.readFileSync(path.join(root, rec.svc.dockerfile), 'utf8');
      rec.unchanged = rewritten === originals[k];
      if (!opts.originals && rec.unchanged && !rec.cfg.expectUnchanged) rec.reasons.push('unchanged: stageify left the Dockerfile as it was');
      rec.before = verify.finalBase(originals[k]);
      rec.after = verify.finalBase(rewritten);
      try {
        await verifyOne(verify, rec, rec.cfg, {
          contextDir: path.join(root, rec.svc.context || '.'), original: originals[k], rewritten, keepImages: opts.keepImages,
        });
      } catch (e) {
        rec.reasons.push(`runner error: ${e && e.stack ? e.stack : e}`);
      }
    }
  } finally {
    if (!opts.keepImages) for (const img of built) spawnSync(docker, ['image', 'rm', img], { stdio: 'ignore' });
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return services;
}

async function runApp(verify, app, opts) {
  const cfg = readConfig(app);
  if (Array.isArray(cfg.services) && !cfg.skip && !cfg.configError) return runMonorepo(verify, app, cfg, opts);
  const rec = { app, cfg, status: 'fail', reasons: [], result: undefined, before: undefined, after: undefined };
  if (cfg.configError) { rec.reasons.push(cfg.configError); return rec; }
  if (cfg.skip) { rec.status = 'skip'; rec.reasons.push(String(cfg.skip)); return rec; }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `stageify-e2e-${app.name}-`));
  try {
    const ctx = path.join(tmp, app.name);
    fs.cpSync(app.dir, ctx, { recursive: true, preserveTimestamps: true });
    const file = path.join(ctx, 'Dockerfile');
    const original = fs.readFileSync(file, 'utf8');
    let rewritten = original;
    if (!opts.originals) {
      const rw = rewrite(file);
      if (!rw.ok) rec.reasons.push(rw.note);
      rewritten = fs.readFileSync(file, 'utf8');
      const unchanged = rewritten === original;
      rec.unchanged = unchanged;
      if (rw.ok && unchanged && !cfg.expectUnchanged) rec.reasons.push('unchanged: stageify left the Dockerfile as it was');
      if (rw.ok && !unchanged && cfg.expectUnchanged) rec.reasons.push('changed, but e2e.json says expectUnchanged');
    }
    rec.before = verify.finalBase(original);
    rec.after = verify.finalBase(rewritten);
    await verifyOne(verify, rec, cfg, { contextDir: ctx, original, rewritten, keepImages: opts.keepImages });
  } catch (e) {
    rec.reasons.push(`runner error: ${e && e.stack ? e.stack : e}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return rec;
}

function exitOf(s) {
  if (!s.ran) return 'did not run';
  if (s.timedOut) return 'timeout';
  return String(s.exitCode);
}

function printRec(verify, rec, opts) {
  const tag = rec.status === 'pass' ? 'PASS' : rec.status === 'skip' ? 'SKIP' : 'FAIL';
  const r = rec.result;
  let line = `${tag} ${rec.app.label}`;
  if (rec.status === 'skip') line += `  (${rec.reasons.join('; ')})`;
  else {
    if (rec.before) line += `  ${rec.before} → ${rec.after}`;
    if (r) line += `  ${verify.formatVerifyLine(r)}`;
    if (rec.status !== 'pass') line += `\n    ${rec.reasons.join('\n    ')}`;
  }
  console.log(line);
  if (r && !r.setupError && (rec.status === 'fail' || opts.verbose)) {
    for (const [side, s] of [['original', r.original], ['rewritten', r.rewritten]]) {
      if (!s.built) console.log(`    ${side} build log (tail):\n${lastLines(s.buildLog, 15)}`);
      else if (!r.ok || opts.verbose) {
        console.log(`    ${side}: exit ${exitOf(s)}, stdout:\n${lastLines(s.stdout || '(empty)', 10)}`);
        if (s.stderr.trim()) console.log(`    ${side} stderr:\n${lastLines(s.stderr, 5)}`);
      }
    }
  }
}

function mdCell(s) {
  return String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function writeResults(verify, recs, file) {
  const rows = [
    '# Real-build results',
    '',
    'Generated by `npm run test:e2e` (scripts/e2e/run.js): each app is built and run from its original',
    'Dockerfile and from the one `stageify --write` produced, with local stand-ins of the base images',
    '(scripts/e2e/standins.sh). Sizes are uncompressed image sizes as `docker image inspect` reports them.',
    '',
    '| app | original base → runtime base | original size (MB) | rewritten size (MB) | ratio | verified |',
    '|---|---|---:|---:|---:|---|',
  ];
  const failures = [];
  for (const rec of recs) {
    const r = rec.result;
    const o = r && r.original.built ? verify.formatMB(r.original.size) : '—';
    const n = r && r.rewritten.built ? verify.formatMB(r.rewritten.size) : '—';
    const ratio = r && r.ratio > 0 ? verify.formatRatio(r.ratio) : '—';
    const bases = rec.before ? `\`${rec.before}\` → \`${rec.after}\`` : '—';
    const verified = rec.status === 'pass' ? 'yes' : rec.status === 'skip' ? 'skipped' : 'no';
    rows.push(`| ${mdCell(rec.app.label)} | ${mdCell(bases)} | ${o} | ${n} | ${ratio} | ${verified} |`);
    if (rec.status !== 'pass') failures.push(`- ${rec.app.label}: ${mdCell(rec.reasons.join('; '))}`);
  }
  if (failures.length) rows.push('', '## Not verified', '', ...failures);
  fs.writeFileSync(file, rows.join('\n') + '\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const verify = loadVerify();
  let apps = discoverApps();
  if (opts.only.length) {
    const wanted = new Set(opts.only.map((s) => s.replace(/\/+$/, '')));
    apps = apps.filter((a) => wanted.has(a.name) || wanted.has(a.label));
    const known = new Set(apps.flatMap((a) => [a.name, a.label]));
    const unknown = [...wanted].filter((w) => !known.has(w));
    if (unknown.length) die(`--only: no such app: ${unknown.join(', ')}`);
  }
  if (!apps.length) die('no apps found under examples/ or e2e/apps/', 1);

  const docker = ensureDocker(verify, opts);
  console.log(`e2e: ${apps.length} app(s), docker ${docker}${opts.originals ? ', originals only' : ''}`);

  const t0 = Date.now();
  const recs = [];
  for (const app of apps) {
    const got = await runApp(verify, app, opts);
    for (const rec of Array.isArray(got) ? got : [got]) {
      recs.push(rec);
      printRec(verify, rec, opts);
    }
  }

  const resultsFile = opts.results || (!opts.only.length && !opts.originals ? path.join(ROOT, 'examples', 'RESULTS.md') : undefined);
  if (resultsFile) {
    writeResults(verify, recs, resultsFile);
    console.log(`e2e: wrote ${path.relative(process.cwd(), resultsFile) || resultsFile}`);
  }
  const passed = recs.filter((r) => r.status === 'pass').length;
  const failed = recs.filter((r) => r.status === 'fail').length;
  const skipped = recs.length - passed - failed;
  console.log(`e2e: ${((Date.now() - t0) / 1000).toFixed(0)} s${skipped ? `, ${skipped} skipped` : ''}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => die(`runner error: ${e && e.stack ? e.stack : e}`, 1));
