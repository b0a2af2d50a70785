// Pass one for `node:*-onbuild` and `iojs:onbuild`: write out the image's ONBUILD triggers (facts in
// ONBUILD.md) after FROM and build from the same version's plain tag. Pass two splits the result.
import { withoutDigest } from '../../src/image-ref';
import { msg } from '../../src/messages';
import type { Message, TextEdit } from '../../src/types';
import { execText, runSpecs } from '../shared/commands';
import { line } from '../shared/split';
import type { TransformInput } from '../types';
import { builderTagOfOnbuild, isOnbuildTag, majorOfTag } from './image-tags';
import type { Family } from './image-tags';

export const ONBUILD_APP_DIR = '/usr/src/app';

export interface Expansion {
  edits: TextEdit[];
  messages: Message[];
}

/** The trigger lines, final form (Node 4+) or the older one (0.x, io.js: no NODE_ENV, no cache clean). */
export function triggerLines(family: Family, builderTag: string): { lines: string[]; nodeEnv: boolean } {
  const major = majorOfTag(family, builderTag);
  const final = family === 'node' && (major === null || major >= 4);
  const lines = [`WORKDIR ${ONBUILD_APP_DIR}`];
  if (final) lines.push('ARG NODE_ENV', 'ENV NODE_ENV $NODE_ENV');
  lines.push(`COPY package.json ${ONBUILD_APP_DIR}/`, final ? 'RUN npm install && npm cache clean --force' : 'RUN npm install', `COPY . ${ONBUILD_APP_DIR}`);
  return { lines, nodeEnv: final };
}

export function expandNodeOnbuild(input: TransformInput, family: Family): Expansion | { skip: Message } | null {
  const { file, stage, base, baseRaw } = input;
  if (!isOnbuildTag(base.tag)) return null;
  const noDigest = withoutDigest(baseRaw);
  const m = /:((?:[^:/]*-)?onbuild)$/.exec(noDigest);
  if (!m) return { skip: msg('onbuild/variable-tag', { image: baseRaw }, stage.from.line) };
  const builderTag = builderTagOfOnbuild(family, m[1]);
  const newRaw = `${noDigest.slice(0, m.index)}:${builderTag}`;

  const r = stage.imageSpan;
  if (!r) return null;
  const edits: TextEdit[] = [{ start: r.start, end: r.end, text: newRaw }];
  const eol = file.eol;
  const { lines, nodeEnv } = triggerLines(family, builderTag);
  const block = [`# ONBUILD triggers of ${baseRaw}, written out`, ...lines].map((l) => line(file, l) + eol).join('');
  const fromHasEol = stage.from.lineEnd > stage.from.end;
  edits.push({ start: stage.from.lineEnd, end: stage.from.lineEnd, text: (fromHasEol ? '' : eol) + block });

  // The onbuild image's own CMD applies when the file sets neither CMD nor ENTRYPOINT.
  const specs = runSpecs(file, stage);
  if (!specs.CMD && !specs.ENTRYPOINT) {
    const last = stage.body.length ? stage.body[stage.body.length - 1] : null;
    const cmd = line(file, `CMD ${execText(['npm', 'start'])}`) + eol;
    if (!last) edits[1].text += cmd;
    else edits.push({ start: last.lineEnd, end: last.lineEnd, text: (last.lineEnd === last.end ? eol : '') + cmd });
  }
  const messages = [msg('onbuild/expanded', { image: baseRaw, builder: newRaw }, stage.from.line)];
  if (nodeEnv) messages.push(msg('node/onbuild-node-env', {}, stage.from.line));
  return { edits, messages };
}
