// Which built binaries the runtime stage gets: those the start commands run, and the ones built
// beside them when they start other programs. Where several come from one install folder (GOBIN),
// or one may not be built at all (build constraints stageify cannot judge), the folder is copied
// whole: a COPY of a file the builder did not produce fails the build.
import { msg } from '../../src/messages';
import type { Message } from '../../src/types';
import { SHARED_DIRS } from '../shared/runtime-files';
import type { Artifact } from './analyze';

export interface BinaryCopies {
  /** Image paths to copy (files, or folders copied whole), in order. */
  paths: string[];
  messages: Message[];
  /** Set when the file must be left alone. */
  skip?: Message;
}

/** Install folders that hold more than binaries: never copied whole. */
function folderCopyable(dir: string): boolean {
  return !(SHARED_DIRS.has(dir) && dir !== '/go/bin') && dir !== '/usr/local/go' && !dir.startsWith('/usr/local/go/');
}

/**
 * @param artifacts what the go commands build, in build order
 * @param started the artifacts the start commands (ENTRYPOINT/CMD/HEALTHCHECK) run
 */
export function chooseBinaries(artifacts: readonly Artifact[], started: ReadonlySet<Artifact>, builder: string): BinaryCopies {
  const messages: Message[] = [];
  const built = artifacts.filter((a) => !a.tool || started.has(a));
  // A program that starts others (or whose sources are unknown) may run any binary built here.
  const runsOthers = [...started].find((a) => a.execs !== false);
  const needed = built.filter((a) => started.has(a) || (runsOthers && !a.tool));

  const wholeFolders = new Set<string>();
  const byFolder = new Map<string, Artifact[]>();
  for (const a of needed) {
    if (a.dir || !a.installDir) continue;
    const list = byFolder.get(a.installDir);
    if (list) list.push(a);
    else byFolder.set(a.installDir, [a]);
  }
  for (const [dir, list] of byFolder) {
    const names = [...new Set(list.map((a) => a.path.slice(dir.length + 1)))];
    const unsure = list.find((a) => a.uncertain);
    if (names.length < 2 && !unsure) continue;
    if (!folderCopyable(dir)) {
      if (unsure) return { paths: [], messages, skip: msg('go/binary-uncertain', { path: unsure.path, line: unsure.ins.line, dir }, unsure.ins.line) };
      continue;
    }
    wholeFolders.add(dir);
    const startedHere = list.filter((a) => started.has(a)).map((a) => a.path.slice(dir.length + 1));
    const reason = unsure
      ? `whether line ${unsure.ins.line} builds ${names.filter((n) => list.some((a) => a.uncertain && a.path.endsWith('/' + n))).join(', ')} depends on build constraints stageify cannot judge, and a COPY of a file the builder did not make fails`
      : runsOthers && list.length > startedHere.length
        ? `${[...new Set(startedHere)].join(', ') || posixBase(runsOthers.path)} starts other programs, which may be the binaries installed beside it`
        : `the start commands run ${names.join(', ')} from it`;
    messages.push(msg('go/binaries-folder', { dir, reason }));
  }

  const paths: string[] = [];
  const seen = new Set<string>();
  const inWholeFolder = (a: Artifact) => a.installDir !== undefined && wholeFolders.has(a.installDir) && !a.dir;
  for (const a of needed) {
    if (seen.has(a.path)) continue;
    seen.add(a.path);
    const p = inWholeFolder(a) ? (a.installDir as string) : a.path;
    if (!paths.includes(p)) paths.push(p);
  }

  const left = [...new Set(built.filter((a) => !a.tool && !needed.includes(a) && !inWholeFolder(a) && !seen.has(a.path)).map((a) => (a.uncertain ? `${a.path} (if built)` : a.path)))];
  if (left.length) messages.push(msg('go/binaries-left', { paths: left.join(', '), builder }));
  return { paths, messages };
}

function posixBase(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}
