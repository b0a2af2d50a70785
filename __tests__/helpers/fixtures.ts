// Drives the fixture pairs of one transform: `<case>.input.Dockerfile` → `<case>.output.Dockerfile`
// (absent when the file must be left alone), `<case>.expect.txt` (status, then message ids in
// order), an optional `<case>.context/` build context and `<case>.options.json`.
// Set UPDATE_FIXTURES=1 to write outputs and expectations (then review the diff).
import * as fs from 'fs';
import * as path from 'path';
import { validate } from 'dockerfile-utils';
import { planFile, transformDockerfile } from '../../src';
import type { FileResult, PlanOptions } from '../../src';

export const FIXTURES = path.join(__dirname, '..', '__testfixtures__');

export function fixtureCases(transform: string): string[] {
  const dir = path.join(FIXTURES, transform);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.input.Dockerfile'))
    .map((f) => f.slice(0, -'.input.Dockerfile'.length))
    .sort();
}

/** Plans a fixture case as the CLI would: from a file, with its context folder. */
export function planCase(transform: string, name: string): { result: FileResult; dir: string } {
  const dir = path.join(FIXTURES, transform);
  const optionsFile = path.join(dir, `${name}.options.json`);
  const options: PlanOptions = fs.existsSync(optionsFile) ? JSON.parse(fs.readFileSync(optionsFile, 'utf8')) : {};
  const ctx = path.join(dir, `${name}.context`);
  const hasContext = fs.existsSync(ctx);
  const input = path.join(dir, `${name}.input.Dockerfile`);
  if (hasContext) return { result: planFile(input, { ...options, context: ctx }), dir };
  const text = fs.readFileSync(input, 'utf8');
  return { result: transformDockerfile(text, { ...options, path: input }), dir };
}

export function expectationText(result: FileResult): string {
  return [`status: ${result.status}`, ...result.messages.map((m) => m.id)].join('\n') + '\n';
}

export function runFixtureSuite(transform: string): void {
  const update = process.env.UPDATE_FIXTURES === '1';
  describe(`${transform} fixtures`, () => {
    for (const name of fixtureCases(transform)) {
      test(name, () => {
        const { result, dir } = planCase(transform, name);
        const outFile = path.join(dir, `${name}.output.Dockerfile`);
        const expectFile = path.join(dir, `${name}.expect.txt`);
        if (update) {
          if (result.status === 'changed') fs.writeFileSync(outFile, result.output);
          else if (fs.existsSync(outFile)) fs.unlinkSync(outFile);
          fs.writeFileSync(expectFile, expectationText(result));
        }
        expect(expectationText(result)).toBe(fs.readFileSync(expectFile, 'utf8'));
        if (fs.existsSync(outFile)) {
          expect(result.status).toBe('changed');
          expect(result.output).toBe(fs.readFileSync(outFile, 'utf8'));
          // The output is a valid Dockerfile by a second parser's checks.
          const problems = validate(result.output).filter((d) => d.severity === 1);
          expect(problems.map((d) => d.message)).toEqual([]);
          // Idempotent: running on the output changes nothing.
          const again = transformDockerfile(result.output, { path: outFile });
          expect(again.status).not.toBe('changed');
          expect(again.output).toBe(result.output);
        } else {
          expect(result.status).not.toBe('changed');
          expect(result.output).toBe(result.original);
        }
      });
    }
  });
}
