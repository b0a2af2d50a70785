// What of the app folder a compiled (outDir) app needs at run time: the files the Dockerfile copied in
// that are neither sources, tests nor build configuration (public/, views/, config/, .env, …).
import * as posix from 'path/posix';

const BUILD_ONLY_FILE = new RegExp(
  '^(' + [
    '.*\\.(ts|tsx|mts|cts)', 'tsconfig.*\\.json', '.*\\.tsbuildinfo', 'package\\.json', 'package-lock\\.json', 'npm-shrinkwrap\\.json',
    'yarn\\.lock', 'pnpm-lock\\.yaml', 'pnpm-workspace\\.yaml', '\\.npmrc', '\\.yarnrc.*', '\\.pnp\\..*', '\\.eslintrc.*', 'eslint\\.config\\..*',
    '\\.prettierrc.*', 'prettier\\.config\\..*', '\\.prettierignore', '\\.eslintignore', 'jest\\.config\\..*', 'vitest\\.config\\..*',
    'babel\\.config\\..*', '\\.babelrc.*', 'webpack\\.config\\..*', 'rollup\\.config\\..*', 'vite\\.config\\..*', 'esbuild\\..*', 'nodemon\\.json',
    '\\.swcrc', '\\.mocharc.*', '\\.nycrc.*', '\\.editorconfig', '\\.nvmrc', '\\.node-version', '\\.tool-versions',
    'Dockerfile.*', '.*\\.[Dd]ockerfile', 'Containerfile.*', '\\.dockerignore', '\\.git.*', '(docker-)?compose.*\\.ya?ml',
    '(README|LICEN[CS]E|COPYING|NOTICE|CHANGELOG|CONTRIBUTING|AUTHORS|CODEOWNERS|SECURITY)(\\..*)?', '.*\\.md', 'Makefile',
    '.*\\.(test|spec)\\.[cm]?[jt]sx?', '\\.travis\\.yml', 'Jenkinsfile', '\\.pre-commit-.*', 'e2e\\.json',
  ].join('|') + ')$',
);
const BUILD_ONLY_DIR = new Set(['test', 'tests', '__tests__', '__mocks__', 'spec', 'coverage', '.git', '.github', '.gitlab', '.circleci', '.vscode', '.idea', '.husky', 'node_modules', '.yarn']);

export interface RuntimePieces {
  /** Paths relative to the app folder (files or folders), sorted. */
  paths: string[];
}

/**
 * @param appFiles files the Dockerfile placed in the app folder (relative to it)
 * @param exclude relative folders never copied this way (outDir, sources root, dev `file:` deps)
 */
export function runtimePieces(appFiles: readonly string[], exclude: readonly string[]): RuntimePieces {
  const excluded = (f: string) => exclude.some((d) => d === '' ? false : f === d || f.startsWith(d + '/'));
  const isBuildOnly = (f: string) => {
    const parts = f.split('/');
    return parts.slice(0, -1).some((p) => BUILD_ONLY_DIR.has(p)) || BUILD_ONLY_FILE.test(parts[parts.length - 1]);
  };
  const runtime: string[] = [];
  const impure = new Set<string>();
  for (const f of appFiles) {
    if (excluded(f)) {
      markImpure(f, impure);
      continue;
    }
    if (isBuildOnly(f)) markImpure(f, impure);
    else runtime.push(f);
  }
  const chosen = new Set<string>();
  for (const f of runtime) {
    let top = f;
    for (let d = posix.dirname(f); d !== '.' && !impure.has(d); d = posix.dirname(d)) top = d;
    chosen.add(top);
  }
  return { paths: [...chosen].sort() };
}

function markImpure(f: string, impure: Set<string>): void {
  for (let d = posix.dirname(f); d !== '.'; d = posix.dirname(d)) impure.add(d);
}
