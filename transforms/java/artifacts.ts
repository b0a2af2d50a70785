// Where the files a java command reads come from in the builder, and the jar each build writes
// by its build file (pom.xml, build.gradle).
import * as posix from 'path/posix';
import { contextPathOf, globToRegExp, placedFiles } from '../shared/context-map';
import type { JavaFacts } from './facts';
import { readGradle } from './gradle';
import type { BuildCommand, JavaReplay } from './replay';

export interface ExpectedArtifact {
  /** Absolute path of the main jar in the builder. */
  path: string;
  /** Build file that names it, for messages (`pom.xml`). */
  source: string;
  /** Why other jars may sit next to it (empty: it is the only one). */
  extraJars: string[];
  /** Folders the jar's manifest class path needs (absolute). */
  classpathDirs: string[];
  build: BuildCommand;
}

export function inside(p: string, dir: string): boolean {
  return p === dir || p.startsWith(dir === '/' ? '/' : dir + '/');
}

/** The artifact a build writes, from its build file in the context. */
export function expectedArtifact(b: BuildCommand, r: JavaReplay, facts: JavaFacts): ExpectedArtifact | null {
  if (b.tool === 'maven') {
    const ctx = contextPathOf(posix.join(b.dir, 'pom.xml'), r.copies, facts.files);
    if (ctx === null) return null;
    const pom = facts.poms.get(dirOf(ctx));
    if (!pom || !pom.artifactFile) return null;
    return {
      path: posix.join(b.dir, pom.buildDir, pom.artifactFile), source: ctx, extraJars: pom.extraJars,
      classpathDirs: pom.classpathDirs.map((d) => posix.join(b.dir, d)), build: b,
    };
  }
  if (b.tool === 'gradle') {
    const ctx = contextPathOf(posix.join(b.dir, 'build.gradle'), r.copies, facts.files) ?? contextPathOf(posix.join(b.dir, 'build.gradle.kts'), r.copies, facts.files);
    if (ctx === null) return null;
    const texts = facts.gradle.get(dirOf(ctx));
    if (!texts) return null;
    const g = readGradle(texts.build, texts.settings, texts.properties, posix.basename(b.dir));
    if (!g.artifactFile) return null;
    return { path: posix.join(b.dir, 'build', 'libs', g.artifactFile), source: ctx, extraJars: g.extraJars, classpathDirs: [], build: b };
  }
  return null;
}

function dirOf(ctxPath: string): string {
  return ctxPath.includes('/') ? ctxPath.slice(0, ctxPath.lastIndexOf('/')) : '';
}

/**
 * Why a path (a file or folder, maybe a shell glob) exists in the builder: a build ran in a folder
 * above it, a COPY or ADD put it there, or a RUN names it. Null when nothing in the file makes it.
 */
export function originOf(p: string, glob: boolean, r: JavaReplay, facts: JavaFacts): string | null {
  const anchor = glob ? posix.dirname(p) : p;
  const build = r.builds.find((b) => inside(anchor, b.dir) && (b.dir !== '/' || /^\/(target|build)(\/|$)/.test(anchor)));
  if (build) return `built under ${build.dir} by line ${build.ins.line}`;
  if (r.downloads.some((d) => (d.endsWith('/') ? inside(p, d.slice(0, -1)) : d === p))) return 'downloaded by ADD';
  const knownFiles = facts.hasContext && !facts.truncated;
  for (const c of r.copies) {
    if (knownFiles) {
      const re = glob ? globToRegExp(p) : null;
      const hit = placedFiles(c, facts.files).some((f) => (re ? re.test(f.image) : inside(f.image, p)));
      if (hit) return `copied from the build context by line ${c.line}`;
    } else if (inside(anchor, c.dest) && (c.destIsDir || c.dest === anchor)) {
      return `copied by line ${c.line}`;
    }
  }
  const base = posix.basename(p);
  if (!glob && base.length > 2 && r.runTexts.some((t) => t.includes(base))) return 'written by a RUN step';
  return null;
}
