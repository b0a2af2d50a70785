// Writing out the ONBUILD triggers of an interpreter's onbuild image (python, pypy, django, ruby) on
// the plain image of the same version: the result is an ordinary single-stage Dockerfile that the
// second pass splits. The trigger lists themselves are each transform's facts.
import { msg } from '../../../src/messages';
import type { Message, TextEdit } from '../../../src/types';
import { execText, runSpecs } from '../commands';
import { line } from '../split';
import type { TransformInput } from '../../types';

export interface Expansion {
  edits: TextEdit[];
  messages: Message[];
}

export interface OnbuildImage {
  /** The plain image the onbuild image was built on. */
  builder: string;
  /** Lines of the image itself, before its triggers (django's apt install). */
  before: string[];
  /** The trigger lines. */
  triggers: string[];
  /** Lines of the image after its triggers that apply unless the file overrides them. */
  expose: string | null;
  cmd: string[] | null;
}

export function isOnbuildTag(tag: string | null): boolean {
  return tag !== null && /(^|-)onbuild$/.test(tag);
}

/** Edits that put the onbuild image's own lines and triggers after the FROM, on its plain image. */
export function writeOutOnbuild(input: TransformInput, known: OnbuildImage): Expansion | null {
  const { file, stage, baseRaw } = input;
  const r = stage.imageSpan;
  if (!r) return null;
  const eol = file.eol;
  const edits: TextEdit[] = [{ start: r.start, end: r.end, text: known.builder }];
  const lines = [`# ONBUILD triggers of ${baseRaw}, written out`, ...known.before, ...known.triggers];
  const needEol = stage.from.lineEnd === stage.from.end;
  edits.push({ start: stage.from.lineEnd, end: stage.from.lineEnd, text: (needEol ? eol : '') + lines.map((l) => line(file, l) + eol).join('') });

  // What the image itself set after its triggers: EXPOSE always applied; CMD unless the file sets one.
  const specs = runSpecs(file, stage);
  const tail: string[] = [];
  if (known.expose) tail.push(known.expose);
  if (known.cmd && !specs.CMD && !specs.ENTRYPOINT) tail.push(`CMD ${execText(known.cmd)}`);
  if (tail.length) {
    const last = stage.body.length ? stage.body[stage.body.length - 1] : null;
    if (last) {
      const needsEol = last.lineEnd === last.end;
      edits.push({ start: last.lineEnd, end: last.lineEnd, text: (needsEol ? eol : '') + tail.map((l) => line(file, l) + eol).join('') });
    } else {
      // Only the FROM: append to the trigger block.
      edits[1] = { ...edits[1], text: edits[1].text + tail.map((l) => line(file, l) + eol).join('') };
    }
  }
  return { edits, messages: [msg('onbuild/expanded', { image: baseRaw, builder: known.builder }, stage.from.line)] };
}
