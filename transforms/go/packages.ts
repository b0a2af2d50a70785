// Which main packages a `./...` pattern matches, by the rules of the builder's Go version:
// folders named `testdata` or starting with `.` or `_` never; vendor/ until Go 1.9 in GOPATH mode
// only; in module mode not the folders of nested modules. A folder is a main package when the
// files the build includes say `package main`.
import { constraintsHold, fileNameHolds } from './build-constraints';
import type { BuildEnv, Tri } from './build-constraints';
import type { GoFacts, GoFileHead } from './facts';

export interface MatchRules {
  /** Go 1.x minor version of the builder, null for the newest. */
  goMinor: number | null;
  modules: boolean;
  /** A go.work may add nested modules to the main ones (module mode). */
  workspace: boolean;
}

export interface MainMatch {
  /** Context folder of the package. */
  dir: string;
  /** False when its files' build constraints cannot be judged here: the binary may not be built. */
  certain: boolean;
  /** The package starts other programs. */
  execs: boolean;
}

/** Minor version of a golang tag (`1.10-alpine` → 10), or null (`latest`, `alpine`, `1`). */
export function goMinorOfTag(tag: string | null): number | null {
  const m = /^1\.(\d+)(?!\d)/.exec(tag ?? '');
  return m ? Number(m[1]) : null;
}

/** Whether the go tool's `...` walk below a pattern's root enters this relative path. */
export function walkEnters(rel: string, rules: MatchRules): boolean {
  if (!rel) return true;
  for (const part of rel.split('/')) {
    if (part.startsWith('.') || part.startsWith('_') || part === 'testdata') return false;
    // Go 1.9 stopped matching vendored packages with `./...`; module mode never did.
    if (part === 'vendor' && (rules.modules || rules.goMinor === null || rules.goMinor >= 9)) return false;
  }
  return true;
}

/** The main packages at or below the context folder `base` ('' = root) that `<base>/...` matches. */
export function mainPackagesUnder(base: string, facts: GoFacts, rules: MatchRules, env: BuildEnv): MainMatch[] {
  const byDir = new Map<string, GoFileHead[]>();
  for (const h of facts.mainDirFiles) {
    const list = byDir.get(h.dir);
    if (list) list.push(h);
    else byDir.set(h.dir, [h]);
  }
  const unread = new Set(facts.unreadGoDirs);
  const moduleDirs = new Set(facts.modules.map((m) => m.dir));
  const out: MainMatch[] = [];
  for (const d of [...new Set([...byDir.keys(), ...unread])].sort()) {
    if (base !== '' && d !== base && !d.startsWith(base + '/')) continue;
    const rel = base === '' ? d : d.slice(base.length + 1);
    if (!walkEnters(rel, rules)) continue;
    let certain = true;
    if (rules.modules && rel) {
      // A folder with its own go.mod starts another module, which `./...` does not enter.
      const parts = rel.split('/');
      let nested = false;
      for (let k = 1; k <= parts.length && !nested; k++) nested = moduleDirs.has(base ? `${base}/${parts.slice(0, k).join('/')}` : parts.slice(0, k).join('/'));
      if (nested && !rules.workspace) continue;
      if (nested) certain = false;
    }
    const files = byDir.get(d) ?? [];
    const status = unread.has(d) ? null : isMainPackage(files, env);
    if (status === false) continue;
    out.push({ dir: d, certain: certain && status === true, execs: files.some((f) => f.execs) });
  }
  return out;
}

/**
 * Whether the files a build includes make a main package: true when every included file says
 * `package main`, false when none may, null when it depends on what cannot be judged.
 */
export function isMainPackage(files: readonly GoFileHead[], env: BuildEnv): Tri {
  let main = false;
  let other = false;
  let maybeMain = false;
  let unknownPkg = false;
  for (const f of files) {
    const name = fileNameHolds(f.name, env);
    const included = name === false ? false : and2(name, constraintsHold(f.constraints, env));
    if (included === false) continue;
    if (f.pkg === null) unknownPkg = true;
    else if (included === null) maybeMain ||= f.pkg === 'main';
    else if (f.pkg === 'main') main = true;
    else other = true;
  }
  // Included files that disagree fail the build (nothing is installed); a file that may be included
  // with another package name would fail it too, so it does not change a package that builds.
  if (main) return other || unknownPkg ? null : true;
  if (other) return false;
  return maybeMain || unknownPkg ? null : false;
}

function and2(a: Tri, b: Tri): Tri {
  if (a === false || b === false) return false;
  return a === null || b === null ? null : true;
}
