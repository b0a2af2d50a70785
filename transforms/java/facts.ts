// What the Java transform reads from the build context: the file list, every pom.xml and the
// Gradle build scripts (with settings.gradle and gradle.properties next to them).
import type { ContextFS } from '../../src/context';
import { readPom } from './pom';
import type { PomInfo } from './pom';

export interface GradleTexts {
  build: string;
  settings: string | null;
  properties: string | null;
}

export interface JavaFacts {
  files: string[];
  truncated: boolean;
  hasContext: boolean;
  /** pom.xml by the folder that holds it ('' = the context root). */
  poms: Map<string, PomInfo>;
  gradle: Map<string, GradleTexts>;
  /** The package each .java file declares ('' = the default package), for the files read. */
  javaPackages: Map<string, string>;
  /** Every .java file of the context was read. */
  javaPackagesComplete: boolean;
}

const MAX_BUILD_FILES = 200;
const MAX_JAVA_SOURCES = 200;
const PACKAGE_LINE = /^[ \t]*package[ \t]+([\w.]+)[ \t]*;/m;

export function gatherJavaFacts(ctx: ContextFS, hasContext: boolean): JavaFacts {
  const { files, truncated } = hasContext ? ctx.listFiles() : { files: [], truncated: true };
  const poms = new Map<string, PomInfo>();
  const gradle = new Map<string, GradleTexts>();
  let read = 0;
  for (const f of files) {
    if (read >= MAX_BUILD_FILES) break;
    const base = f.slice(f.lastIndexOf('/') + 1);
    const dir = f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : '';
    const at = (name: string) => (dir ? `${dir}/${name}` : name);
    if (base === 'pom.xml') {
      read++;
      const pom = readPom(ctx.readText(f) ?? '');
      if (pom) poms.set(dir, pom);
    } else if (base === 'build.gradle' || base === 'build.gradle.kts') {
      read++;
      const build = ctx.readText(f);
      if (build === null) continue;
      const settings = ctx.readText(at('settings.gradle')) ?? ctx.readText(at('settings.gradle.kts'));
      gradle.set(dir, { build, settings, properties: ctx.readText(at('gradle.properties')) });
    }
  }
  const javaPackages = new Map<string, string>();
  const sources = files.filter((f) => f.endsWith('.java'));
  for (const f of sources.slice(0, MAX_JAVA_SOURCES)) {
    const text = ctx.readText(f);
    if (text !== null) javaPackages.set(f, PACKAGE_LINE.exec(text.replace(/\/\*[\s\S]*?\*\//g, ''))?.[1] ?? '');
  }
  return { files, truncated, hasContext, poms, gradle, javaPackages, javaPackagesComplete: !truncated && javaPackages.size === sources.length };
}
