// Files a program reads at run time: what the Dockerfile copied from the build context that is
// neither source nor build metadata. Each ecosystem says what is build-only for it; the choice of
// the fewest image paths (whole folders where they hold only runtime files) is shared.
import * as posix from 'path/posix';
import { placedFiles } from './context-map';
import type { ContextCopy } from './context-map';

/** File names that are build or project metadata in every ecosystem. */
export const COMMON_BUILD_ONLY_FILES = [
  'Dockerfile.*', '.*\\.[Dd]ockerfile', 'Containerfile.*', '\\.dockerignore', '\\.git.*', '\\.editorconfig',
  '(README|LICEN[CS]E|COPYING|NOTICE|CHANGELOG|CONTRIBUTING|AUTHORS|CODEOWNERS|SECURITY)(\\..*)?', 'LICENSE-.*',
  'Makefile', 'GNUmakefile', '.*\\.mk', '.*\\.md', '\\.travis\\.yml', '(docker-)?compose.*\\.ya?ml', 'Jenkinsfile', '\\.pre-commit-.*',
  'e2e\\.json', '\\.tool-versions',
  // project documents
  '(MAINTAINERS|OWNERS|OWNERS_ALIASES|PATENTS|CODE_OF_CONDUCT|CHANGES|HISTORY)(\\..*)?',
  // CI services and bots
  '\\.drone\\.(ya?ml|star|jsonnet)', '\\.?appveyor\\.ya?ml', 'azure-pipelines.*\\.ya?ml', 'bitbucket-pipelines\\.ya?ml', '\\.cirrus\\.(ya?ml|star)',
  '\\.woodpecker\\.ya?ml', 'cloudbuild.*\\.ya?ml', 'codefresh\\.ya?ml', '\\.?codecov\\.ya?ml', '\\.mergify\\.ya?ml', 'renovate\\.json5?', '\\.renovaterc(\\.json)?',
  'sonar-project\\.properties', '\\.yamllint(\\.ya?ml)?', '\\.markdownlint.*',
  // deploy and dev-environment specs
  'skaffold\\.ya?ml', 'Tiltfile', 'Vagrantfile', 'Earthfile',
];
/** Folders that hold no runtime files in any ecosystem (CI, editors, VCS). */
export const COMMON_BUILD_ONLY_DIRS = [
  '.git', '.github', '.gitlab', '.circleci', '.vscode', '.idea', 'node_modules', '.buildkite', '.woodpecker', '.semaphore', '.devcontainer', '.githooks',
];
/**
 * Folders of deploy specs, only at the top of the context: deeper down, a folder of that name may
 * be a package with files its program reads (`internal/k8s/templates/`).
 */
export const COMMON_BUILD_ONLY_ROOT_DIRS = ['k8s', 'kubernetes', 'helm', '.helm'];

/** A predicate for build-only context paths: the common rules plus an ecosystem's own. */
export function buildOnlyMatcher(files: readonly string[], dirs: readonly string[], rootDirs: readonly string[] = []): (ctxPath: string) => boolean {
  const fileRe = new RegExp(`^(${[...COMMON_BUILD_ONLY_FILES, ...files].join('|')})$`);
  const dirSet = new Set([...COMMON_BUILD_ONLY_DIRS, ...dirs]);
  const rootSet = new Set([...COMMON_BUILD_ONLY_ROOT_DIRS, ...rootDirs]);
  return (ctxPath) => {
    const parts = ctxPath.split('/');
    if (parts.length > 1 && rootSet.has(parts[0])) return true;
    for (let k = 0; k < parts.length - 1; k++) if (dirSet.has(parts[k])) return true;
    return fileRe.test(parts[parts.length - 1]);
  };
}

/** Folders that hold more than what a COPY put there: never copied whole. */
export const SHARED_DIRS = new Set([
  '/', '/etc', '/usr', '/usr/local', '/usr/local/bin', '/usr/share', '/usr/bin', '/usr/src', '/var', '/var/lib', '/opt', '/bin', '/lib',
  '/root', '/home', '/tmp', '/srv', '/go', '/go/src', '/go/bin', '/usr/local/cargo',
]);

export const MAX_RUNTIME_PIECES = 12;

export interface RuntimePaths {
  /** Image paths (files or folders) to copy, sorted. */
  paths: string[];
  /** Set when there were too many pieces and the copy destinations are taken whole. */
  wholeDir: string | null;
}

/**
 * The fewest image paths that cover every runtime file and no build-only file: a folder when
 * everything the copies put below it is a runtime file (never climbing out of what a copy
 * created), single files elsewhere. Past MAX_RUNTIME_PIECES, the copy destinations whole.
 * @param skip image paths not to consider (the built binaries, folders copied anyway)
 */
export function selectRuntimePaths(
  copies: readonly ContextCopy[], files: readonly string[], isBuildOnly: (ctxPath: string) => boolean, skip: (image: string) => boolean,
): RuntimePaths {
  // Later copies win for the same image path.
  const placed = new Map<string, string>();
  for (const c of copies) for (const p of placedFiles(c, files)) placed.set(p.image, p.ctx);
  const runtime: string[] = [];
  const impure = new Set<string>();
  for (const [image, ctx] of placed) {
    if (skip(image)) continue;
    if (!isBuildOnly(ctx)) {
      runtime.push(image);
      continue;
    }
    for (let d = posix.dirname(image); ; d = posix.dirname(d)) {
      impure.add(d);
      if (d === '/') break;
    }
  }
  const dirDests = copies.filter((c) => c.destIsDir).map((c) => c.dest);
  const mayCopyWhole = (d: string) =>
    dirDests.some((dest) => d.startsWith(dest === '/' ? '/' : dest + '/') || (d === dest && !SHARED_DIRS.has(d)));
  const chosen = new Set<string>();
  for (const f of runtime) {
    let top = f;
    for (let d = posix.dirname(f); d !== '/' && !impure.has(d) && mayCopyWhole(d); d = posix.dirname(d)) top = d;
    chosen.add(top);
  }
  const paths = [...chosen].sort();
  if (paths.length > MAX_RUNTIME_PIECES) {
    const dests = [...new Set(copies.map((c) => c.dest))].sort();
    return { paths: dests, wholeDir: dests.join(', ') };
  }
  return { paths, wholeDir: null };
}
