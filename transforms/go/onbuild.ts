// Pass one for golang images: write out the ONBUILD triggers of `golang:<ver>-onbuild` (facts in
// ONBUILD.md) and replace go-wrapper, which no current golang image has, by the commands it ran.
// The result is an ordinary single-stage Dockerfile that pass two splits.
import { withoutDigest } from '../../src/image-ref';
import * as posix from 'path/posix';
import { msg } from '../../src/messages';
import type { Message, TextEdit } from '../../src/types';
import { isAssignment, scanShell } from '../../src/shell-words';
import { line } from '../shared/split';
import { execText, runSpecs } from '../shared/commands';
import { execForm, joinContinuations } from '../shared/instructions';
import type { TransformInput } from '../types';
import type { GoFacts } from './facts';
import { lastElement } from './go-command';

export interface Expansion {
  edits: TextEdit[];
  messages: Message[];
}

/** Last golang onbuild line: `golang:onbuild` and `golang:1-onbuild` meant 1.8. */
const LAST_ONBUILD = '1.8';
const APP_DIR = '/go/src/app';

export function isOnbuildTag(tag: string | null): boolean {
  return tag !== null && /(^|-)onbuild$/.test(tag);
}

export function expandGolangOnbuild(input: TransformInput, facts: GoFacts): Expansion | { skip: Message } | null {
  const { file, stage, base, baseRaw } = input;
  const onbuild = isOnbuildTag(base.tag);
  const usesWrapper = stage.body.some((i) => /\bgo-wrapper\b/.test(i.argsText));
  if (!onbuild && !usesWrapper) return null;

  const edits: TextEdit[] = [];
  const messages: Message[] = [];
  const importPath = facts.rootImportPath;
  const gopath = '/go';
  const binary = importPath ? posix.join(gopath, 'bin', lastElement(importPath)) : posix.join(gopath, 'bin', 'app');
  const eol = file.eol;

  if (onbuild) {
    const r = stage.imageSpan;
    if (!r) return null;
    let newRaw: string;
    const noDigest = withoutDigest(baseRaw);
    if (/:onbuild$/.test(noDigest) || /:1-onbuild$/.test(noDigest)) newRaw = noDigest.replace(/:(1-)?onbuild$/, `:${LAST_ONBUILD}`);
    else if (/-onbuild$/.test(noDigest)) newRaw = noDigest.replace(/-onbuild$/, '');
    else return { skip: msg('onbuild/variable-tag', { image: baseRaw }, stage.from.line) };
    edits.push({ start: r.start, end: r.end, text: newRaw });
    const lines = [`# ONBUILD triggers of ${baseRaw}, written out`, `WORKDIR ${APP_DIR}`, `COPY . ${APP_DIR}`];
    if (importPath) {
      const link = posix.join(gopath, 'src', importPath);
      lines.push(`RUN mkdir -p ${posix.dirname(link)} && ln -s ${APP_DIR} ${link}`);
      lines.push(`RUN go get -v -d ${importPath}`, `RUN go install -v ${importPath}`);
    } else {
      lines.push('RUN go get -v -d', 'RUN go install -v');
    }
    const needEol = stage.from.lineEnd === stage.from.end;
    edits.push({ start: stage.from.lineEnd, end: stage.from.lineEnd, text: (needEol ? eol : '') + lines.map((l) => line(file, l) + eol).join('') });
    messages.push(msg('onbuild/expanded', { image: baseRaw, builder: newRaw }, stage.from.line));

    // The onbuild image's own CMD (`go-wrapper run`) applies when the file sets neither.
    const specs = runSpecs(file, stage);
    if (!specs.CMD && !specs.ENTRYPOINT) {
      const last = stage.body.length ? stage.body[stage.body.length - 1] : stage.from;
      const at = last === stage.from ? stage.from.lineEnd : last.lineEnd;
      const lineText = line(file, `CMD ${execText([binary])}`) + eol;
      // Inserted after the trigger lines when the FROM is the last instruction.
      const needsEol = last !== stage.from && at === last.end;
      edits.push({ start: at, end: at, text: (needsEol ? eol : '') + lineText });
    }
  }

  // go-wrapper in the file's own lines.
  let replaced = false;
  for (const ins of stage.body) {
    if (!/\bgo-wrapper\b/.test(ins.argsText)) continue;
    if (ins.keyword === 'RUN') {
      const exec = execForm(joinContinuations(ins.argsText, file.escape));
      if (exec) {
        if (exec[0] !== 'go-wrapper') continue;
        const args = wrapperCommand(exec[1], exec.slice(2), importPath);
        if (!args) continue;
        edits.push({ start: ins.argsStart, end: ins.end, text: execText(args) });
        replaced = true;
        continue;
      }
      const scan = scanShell(ins.argsText, ins.argsStart, file.escape);
      for (const cmd of scan.commands) {
        const words = cmd.words.filter((w, k) => !(k < cmd.words.findIndex((x) => !isAssignment(x))));
        if (words[0]?.value !== 'go-wrapper') continue;
        const sub = words[1]?.value;
        const repl = sub === 'download' ? 'go get -v -d' : sub === 'install' ? 'go install -v' : null;
        if (!repl || !words[1]) continue;
        edits.push({ start: words[0].start, end: words[1].end, text: repl });
        if (importPath) {
          const lastWord = words[words.length - 1];
          edits.push({ start: lastWord.end, end: lastWord.end, text: ` ${importPath}` });
        }
        replaced = true;
      }
    } else if (ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT') {
      const exec = execForm(joinContinuations(ins.argsText, file.escape));
      if (exec && exec[0] === 'go-wrapper' && exec[1] === 'run') {
        edits.push({ start: ins.argsStart, end: ins.end, text: execText([binary, ...exec.slice(2)]) });
        replaced = true;
      } else if (!exec) {
        const scan = scanShell(ins.argsText, ins.argsStart, file.escape);
        const words = scan.commands[0]?.words ?? [];
        if (words[0]?.value === 'go-wrapper' && words[1]?.value === 'run') {
          edits.push({ start: words[0].start, end: words[1].end, text: binary });
          replaced = true;
        }
      }
    }
  }
  if (replaced || onbuild) messages.push(msg('onbuild/go-wrapper-replaced'));
  if (!edits.length) return null;
  return { edits, messages };
}

function wrapperCommand(sub: string, rest: string[], importPath: string | null): string[] | null {
  const tail = importPath ? [...rest, importPath] : rest;
  if (sub === 'download') return ['go', 'get', '-v', '-d', ...tail];
  if (sub === 'install') return ['go', 'install', '-v', ...tail];
  return null;
}
