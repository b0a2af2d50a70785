// Pass one for `maven:<ver>-onbuild`: write out its ONBUILD triggers (facts in ONBUILD.md:
// WORKDIR /usr/src/app, `ADD . /usr/src/app`, `RUN mvn install`) and build from the plain tag.
// The image's own command is `mvn`, which does not start the program: without a CMD or
// ENTRYPOINT of the file's own there is nothing to run in a runtime stage.
import { msg } from '../../src/messages';
import type { Message, TextEdit } from '../../src/types';
import { runSpecs } from '../shared/commands';
import { line } from '../shared/split';
import type { TransformInput } from '../types';
import type { JavaFacts } from './facts';
import { mavenOnbuildBuilderTag } from './java-image';
import type { JavaImage } from './java-image';

export const MAVEN_ONBUILD_DIR = '/usr/src/app';

export type OnbuildOutcome = { edits: TextEdit[]; messages: Message[] } | { skip: Message } | null;

export function expandMavenOnbuild(input: TransformInput, facts: JavaFacts, img: JavaImage): OnbuildOutcome {
  if (!img.onbuild) return null;
  const { file, stage, baseRaw } = input;
  const specs = runSpecs(file, stage);
  if (!specs.CMD && !specs.ENTRYPOINT) {
    const jar = facts.poms.get('')?.artifactFile;
    return { skip: msg('java/onbuild-no-cmd', { image: baseRaw, jar: jar ? `target/${jar}` : 'target/<artifactId>-<version>.jar' }, stage.from.line) };
  }
  const noDigest = baseRaw.replace(/@[^@]*$/, '');
  const colon = noDigest.lastIndexOf(':');
  if (colon < 0 || noDigest.includes('$')) return { skip: msg('onbuild/variable-tag', { image: baseRaw }, stage.from.line) };
  const newRaw = `${noDigest.slice(0, colon)}:${mavenOnbuildBuilderTag(noDigest.slice(colon + 1))}`;

  const r = stage.imageSpan;
  if (!r) return null;
  const edits: TextEdit[] = [{ start: r.start, end: r.end, text: newRaw }];
  const lines = [`# ONBUILD triggers of ${baseRaw}, written out`, `WORKDIR ${MAVEN_ONBUILD_DIR}`, `ADD . ${MAVEN_ONBUILD_DIR}`, 'RUN mvn install'];
  const needEol = stage.from.lineEnd === stage.from.end;
  edits.push({ start: stage.from.lineEnd, end: stage.from.lineEnd, text: (needEol ? file.eol : '') + lines.map((l) => line(file, l) + file.eol).join('') });
  return { edits, messages: [msg('onbuild/expanded', { image: baseRaw, builder: newRaw }, stage.from.line)] };
}
