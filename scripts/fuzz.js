#!/usr/bin/env node
'use strict';
// The property tests at scale, outside jest: `npm run fuzz -- --runs 100000 --seed 42`.
// Uses the built modules (run `npm run build` first). Prints progress and a final count; every
// distinct failure is printed with its shrunk counterexample. Exit 1 when any property failed.
//   --runs N        cases in total (split over the generators: 50% Go-shaped, 20% soup, 30% mutations)
//   --seed N        base seed (default: random, printed so a run can be repeated)
//   --only NAME     go | soup | mutation | case (the keyword-case property)
//   --chunk N       cases per fast-check run (default 2000); each chunk gets seed+k
const path = require('path');
const fc = require('fast-check');
const lib = require('./fuzz-lib');

const ROOT = path.resolve(__dirname, '..');
function arg(name, def) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : def;
}
const runs = Number(arg('runs', '10000'));
const seed = Number(arg('seed', String(Math.floor(Math.random() * 2 ** 31))));
const only = arg('only', null);
const chunk = Number(arg('chunk', '2000'));

let dist;
try {
  dist = {
    ...require(path.join(ROOT, 'dist', 'src', 'index.js')),
    ...require(path.join(ROOT, 'dist', 'src', 'edits.js')),
    ...require(path.join(ROOT, 'dist', 'src', 'validate.js')),
  };
} catch (e) {
  console.error(`fuzz: cannot load dist/ (run \`npm run build\` first): ${e.message}`);
  process.exit(2);
}
const api = {
  transformDockerfile: dist.transformDockerfile, applyEdits: dist.applyEdits, validateRewrite: dist.validateRewrite,
  validate: require('dockerfile-utils').validate, DockerfileParser: require('dockerfile-ast').DockerfileParser,
};

const arbs = lib.arbitraries(fc);
const mutations = lib.mutationArb(fc, lib.loadFixtures(ROOT), arbs.commentText);
const core = { skipKeywordCase: true };
const caseArb = arbs.goDockerfile;
const plans = [
  { name: 'go', share: 0.45, prop: (stats) => fc.property(arbs.goDockerfile, (c) => { count(stats, lib.checkCase(api, c, core)); }) },
  { name: 'soup', share: 0.2, prop: (stats) => fc.property(arbs.soupDockerfile, (c) => { count(stats, lib.checkCase(api, c, core)); }) },
  { name: 'mutation', share: 0.3, prop: (stats) => fc.property(mutations, (c) => { count(stats, lib.checkCase(api, c, core)); }) },
  {
    name: 'case', share: 0.05, prop: (stats) => fc.property(caseArb, (c) => {
      const r = api.transformDockerfile(c.text, { contextFiles: c.contextFiles, ...c.options });
      count(stats, r.status);
      if (r.status === 'changed') lib.checkKeywordCase(api, c.text, r.output);
    }),
  },
].filter((p) => !only || p.name === only);

function count(stats, status) {
  stats[status] = (stats[status] || 0) + 1;
}

const started = Date.now();
const failures = new Map();
let done = 0;
const totals = {};
console.log(`fuzz: ${runs} cases, seed ${seed}${only ? `, only ${only}` : ''}`);
const shareSum = plans.reduce((s, p) => s + p.share, 0);
let k = 0;
for (const plan of plans) {
  const mine = Math.round((runs * plan.share) / shareSum);
  let left = mine;
  while (left > 0) {
    const n = Math.min(chunk, left);
    const stats = {};
    const s = seed + k++;
    const out = fc.check(plan.prop(stats), { seed: s, numRuns: n, endOnFailure: false });
    // A failing chunk stops at its failure: count what ran, record the (shrunk) counterexample.
    // (numRuns: cases run before the failure; shrinking re-runs are not counted.)
    const ran = out.failed ? out.numRuns - 1 : out.numRuns;
    done += ran;
    left -= ran;
    for (const [st, v] of Object.entries(stats)) totals[st] = (totals[st] || 0) + v;
    if (out.failed) {
      done += 1;
      const msg = String(out.errorInstance && out.errorInstance.message ? out.errorInstance.message : out.error).split('\n')[0];
      const key = `${plan.name}: ${msg.slice(0, 120)}`;
      const prev = failures.get(key);
      if (!prev) failures.set(key, { count: 1, seed: s, path: out.counterexamplePath, example: out.counterexample && out.counterexample[0], error: String(out.errorInstance && out.errorInstance.message || out.error) });
      else prev.count++;
      left -= 1; // the failing case; the next chunk gets a fresh seed
    }
    const secs = ((Date.now() - started) / 1000).toFixed(0);
    process.stdout.write(`fuzz: ${done}/${runs} cases (${plan.name}), ${failures.size} distinct failures, ${secs}s\n`);
  }
}

for (const [key, f] of failures) {
  console.log(`\nFAIL ${key}  (x${f.count}; repeat: --seed ${f.seed} --path ${f.path})`);
  console.log(f.error.split('\n').slice(0, 30).join('\n'));
  if (f.example) {
    console.log('input:', JSON.stringify(f.example.text));
    console.log('options:', JSON.stringify(f.example.options), 'context:', f.example.contextFiles ? JSON.stringify(Object.keys(f.example.contextFiles)) : 'none');
  }
}
console.log(`\nfuzz: ${done} cases checked (status counts include shrinking re-runs) in ${((Date.now() - started) / 1000).toFixed(1)}s: ${JSON.stringify(totals)}; ${failures.size} distinct failures (seed ${seed})`);
process.exitCode = failures.size ? 1 : 0;
