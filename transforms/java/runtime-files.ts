// Files the program reads at run time: what the Dockerfile copied from the context that is not
// Java source, build script, build output or project metadata (config/, data files, scripts).
import * as posix from 'path/posix';
import { placedFiles } from '../shared/context-map';
import type { ContextCopy } from '../shared/context-map';

const BUILD_ONLY_DIRS = new Set([
  'src', 'target', 'build', 'out', '.mvn', '.gradle', 'gradle', '.git', '.github', '.gitlab', '.circleci', '.idea', '.vscode', '.settings', 'node_modules',
]);
const BUILD_ONLY_FILE = new RegExp(
  '^(' + [
    'pom\\.xml', 'mvnw(\\.cmd)?', '.*\\.gradle(\\.kts)?', 'gradle\\.properties', 'gradlew(\\.bat)?', 'settings\\.xml',
    '.*\\.(java|kt|kts|groovy|scala|class)', '\\.classpath', '\\.project', '.*\\.iml', 'lombok\\.config',
    'Dockerfile.*', '.*\\.[Dd]ockerfile', 'Containerfile.*', '\\.dockerignore', '\\.git.*', '\\.editorconfig',
    '(README|LICEN[CS]E|COPYING|NOTICE|CHANGELOG|CONTRIBUTING|AUTHORS|CODEOWNERS|SECURITY)(\\..*)?', '.*\\.md',
    'Makefile', '(docker-)?compose.*\\.ya?ml', 'Jenkinsfile', '\\.travis\\.yml', 'e2e\\.json', '\\.sdkmanrc', '\\.java-version', '\\.tool-versions',
  ].join('|') + ')$',
);

export function isBuildOnly(ctxPath: string): boolean {
  const parts = ctxPath.split('/');
  return parts.slice(0, -1).some((p) => BUILD_ONLY_DIRS.has(p)) || BUILD_ONLY_FILE.test(parts[parts.length - 1]);
}

export const MAX_RUNTIME_FILES = 12;

/**
 * Image paths of the runtime files: a folder when everything the copies put below it is a
 * runtime file (and it is below a copy's destination), single files otherwise.
 * @param covered image paths already copied (the jar, classpath folders): files inside are skipped.
 */
export function javaRuntimeFiles(copies: readonly ContextCopy[], files: readonly string[], covered: readonly string[]): string[] {
  const placed = new Map<string, string>();
  for (const c of copies) for (const p of placedFiles(c, files)) placed.set(p.image, p.ctx);
  const inside = (p: string, d: string) => p === d || p.startsWith(d === '/' ? '/' : d + '/');
  const runtime: string[] = [];
  const impure = new Set<string>();
  for (const [image, ctx] of placed) {
    if (covered.some((c) => inside(image, c))) continue;
    if (isBuildOnly(ctx)) {
      for (let d = posix.dirname(image); ; d = posix.dirname(d)) {
        impure.add(d);
        if (d === '/') break;
      }
    } else runtime.push(image);
  }
  const dirDests = copies.filter((c) => c.destIsDir).map((c) => c.dest);
  const chosen = new Set<string>();
  for (const f of runtime) {
    let top = f;
    for (let d = posix.dirname(f); d !== '/' && !impure.has(d) && dirDests.some((dest) => d.startsWith(dest === '/' ? '/' : dest + '/')); d = posix.dirname(d)) top = d;
    chosen.add(top);
  }
  return [...chosen].sort();
}
