// An app that lives under /root: only root may enter that folder (mode 0700 in the Debian, Ubuntu,
// Alpine and distroless images), so a non-root runtime user could not read the program there.
import * as posix from 'path/posix';
import { copyWords } from './copy-sources';
import type { ParsedDockerfile } from './dockerfile';
import { instrProperties } from './dockerfile';
import { expandVars } from './image-ref';

const ROOT_HOME = '/root';

const underRootHome = (p: string) => p === ROOT_HOME || p.startsWith(ROOT_HOME + '/');

/**
 * The line of the first WORKDIR, COPY or ADD of the stage that puts the app under /root, or null.
 * Variables resolve from the stage's ENV and ARG defaults; an unresolved one is read as empty, as
 * Docker does.
 */
export function appUnderRootHome(file: ParsedDockerfile): number | null {
  const stage = file.stages[0];
  if (!stage) return null;
  const vars = new Map<string, string>();
  const expand = (s: string) => expandVars(s, (n) => vars.get(n) ?? '', file.escape) ?? s;
  let workdir = '/';
  for (const ins of stage.body) {
    if (ins.keyword === 'ENV' || ins.keyword === 'ARG') {
      for (const p of instrProperties(ins)) if (p.value !== null) vars.set(p.name, expand(p.value));
    } else if (ins.keyword === 'WORKDIR') {
      workdir = posix.resolve(workdir, expand(ins.argsText.trim().replace(/^(["'])(.*)\1$/, '$2')));
      if (underRootHome(workdir)) return ins.line;
    } else if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
      const words = copyWords(ins.argsText, file.escape);
      if (words && words.from === null && underRootHome(posix.resolve(workdir, expand(words.dest)))) return ins.line;
    }
  }
  return null;
}
