// Property tests of the engine on generated Dockerfiles (Go-shaped files with layout noise, random
// instruction soup, and mutations of the Go fixture inputs). The generators and the properties live
// in scripts/fuzz-lib.js so `npm run fuzz` checks exactly the same things at a larger scale.
// Fixed seeds and bounded runs: deterministic, and a few seconds per property.
import * as path from 'path';
import fc from 'fast-check';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { transformDockerfile } from '../../src';
import { applyEdits } from '../../src/edits';
import { validateRewrite } from '../../src/validate';

interface Case { text: string; contextFiles?: Record<string, string>; options: Record<string, unknown> }
interface FuzzLib {
  arbitraries(f: typeof fc): { goDockerfile: fc.Arbitrary<Case>; soupDockerfile: fc.Arbitrary<Case>; commentText: fc.Arbitrary<string> };
  loadFixtures(root: string): Case[];
  mutationArb(f: typeof fc, fixtures: Case[], comment: fc.Arbitrary<string>): fc.Arbitrary<Case>;
  checkCase(api: unknown, c: Case, opts?: { skipKeywordCase?: boolean }): string;
  checkKeywordCase(api: unknown, text: string, out: string): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lib = require('../../scripts/fuzz-lib.js') as FuzzLib;

const ROOT = path.resolve(__dirname, '..', '..');
const api = { transformDockerfile, applyEdits, validateRewrite, validate, DockerfileParser };
const arbs = lib.arbitraries(fc);
const fixtures = lib.loadFixtures(ROOT);
const mutations = lib.mutationArb(fc, fixtures, arbs.commentText);
// The keyword-case property has its own test, so one bug does not hide the others.
const core = { skipKeywordCase: true };

const SEED = 20240611;
const params = (numRuns: number, seed = SEED): fc.Parameters<[Case]> => ({ seed, numRuns, endOnFailure: false });

describe('transformDockerfile on generated input', () => {
  it('generators really exercise the rewrite (sanity: many Go cases are changed)', () => {
    const statuses = fc.sample(arbs.goDockerfile, { numRuns: 200, seed: SEED })
      .map((c) => transformDockerfile(c.text, { contextFiles: c.contextFiles, ...c.options }).status);
    expect(statuses.filter((s) => s === 'changed').length).toBeGreaterThan(40);
  });

  it('Go-shaped files: never throws; changed output valid, idempotent, layout kept, edits exact', () => {
    fc.assert(fc.property(arbs.goDockerfile, (c) => { lib.checkCase(api, c, core); }), params(300));
  });

  it('instruction soup: never throws; non-changed results return the input unchanged', () => {
    fc.assert(fc.property(arbs.soupDockerfile, (c) => { lib.checkCase(api, c, core); }), params(200));
  });

  it('mutated fixture inputs (delete/duplicate/swap lines, flip case, comments, CRLF, BOM): all properties', () => {
    fc.assert(fc.property(mutations, (c) => { lib.checkCase(api, c, core); }), params(300));
  });

  it('lines stageify writes into a lower-case file are lower case too', () => {
    const lower = arbs.goDockerfile.filter((c) => !/^\uFEFF?\s*[A-Z]/m.test(c.text.replace(/^#.*$/gm, '')));
    fc.assert(fc.property(lower, (c) => {
      const r = transformDockerfile(c.text, { contextFiles: c.contextFiles, ...c.options });
      if (r.status === 'changed') lib.checkKeywordCase(api, c.text, r.output);
    }), params(200));
  });
});

describe('known shapes (regressions found by the generators)', () => {
  const ctx = { 'main.go': 'package main\n\nfunc main() {}\n', 'go.mod': 'module example.com/app\n\ngo 1.22\n' };

  it('an exec-form `run ["go", "build", …]` in a lower-case file gets a lower-case `env CGO_ENABLED=0`', () => {
    const text = 'from golang:1.22\nworkdir /src\ncopy . .\nrun ["go", "build", "-o", "/app", "."]\ncmd ["/app"]\n';
    const r = transformDockerfile(text, { contextFiles: ctx });
    expect(r.status).toBe('changed');
    expect(r.output).not.toMatch(/^ENV /m);
    expect(r.output).toMatch(/^env CGO_ENABLED=0$/m);
  });

  it('a CRLF file with an exec-form go build gets CRLF on the inserted ENV line', () => {
    const text = 'FROM golang:1.22\r\nWORKDIR /src\r\nCOPY . .\r\nRUN ["go", "build", "-o", "/app", "."]\r\nCMD ["/app"]\r\n';
    const r = transformDockerfile(text, { contextFiles: ctx });
    expect(r.status).toBe('changed');
    expect(r.output.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('BOM, escape directive and ARGs before FROM stay byte-identical at the top', () => {
    const head = '\uFEFF# escape=`\r\n# syntax=docker/dockerfile:1\r\nARG GO_VERSION=1.22\r\n';
    const text = head + 'FROM golang:${GO_VERSION}\r\nWORKDIR /src\r\nCOPY . .\r\nRUN go mod download && `\r\n# build\r\n    go build -o /app .\r\nCMD ["/app"]\r\n';
    const r = transformDockerfile(text, { contextFiles: ctx });
    expect(r.status).toBe('changed');
    expect(r.output.startsWith(head)).toBe(true);
    expect(r.output).toContain('# build\r\n');
    expect(r.output.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});
