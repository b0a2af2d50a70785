// pip: `pip install -r requirements*.txt` moved before the rest of the sources; the pip cache
// mounted (and `--no-cache-dir` dropped: a mounted cache is never in the image).
import type { ContextFS } from '../../../src/context';
import type { RunView } from './builder';
import { moveInstall } from './deps';
import type { DepsPlan, PassState, Refusal, Toolchain } from './toolchain';

/** The words after `install` of a pip command (`pip install`, `python -m pip install`), or null. */
function pipInstallArgs(argv: readonly string[]): string[] | null {
  let k = 0;
  if (/^python(\d(\.\d+)?)?$/.test(argv[0] ?? '') && argv[1] === '-m' && argv[2] === 'pip') k = 3;
  else if (/^pip(\d(\.\d+)?)?$/.test(argv[0] ?? '')) k = 1;
  else return null;
  return argv[k] === 'install' ? argv.slice(k + 1) : null;
}

const isPip = (argv: readonly string[]) =>
  /^pip(\d(\.\d+)?)?$/.test(argv[0] ?? '') || (/^python(\d(\.\d+)?)?$/.test(argv[0] ?? '') && argv[1] === '-m' && argv[2] === 'pip');

const LOCAL = /^(\.|\/|~|file:)|\.(whl|zip|tar\.gz|tgz)$|\//;
const VALUE_FLAGS = new Set(['-i', '--index-url', '--extra-index-url', '--trusted-host', '--platform', '--python-version', '--implementation', '--abi', '--progress-bar', '--log', '--timeout', '--retries', '--proxy']);

/** Requirement files the install reads (following -r/-c), or a refusal. */
function requirementFiles(args: readonly string[], ctx: ContextFS): string[] | Refusal {
  const files: string[] = [];
  const queue: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    const m = /^(-r|--requirement|-c|--constraint)(?:=(.+))?$/.exec(a) ?? /^(-r|-c)(.+)$/.exec(a);
    if (m) { queue.push(m[2] ?? args[++k]); continue; }
    if (/^(-e|--editable)/.test(a)) return { refuse: 'pip installs an editable package from the sources' };
    if (/^(-t|--target|--prefix|--root|--src|-f|--find-links)(=|$)/.test(a)) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++k];
      if (!/^https?:/.test(v ?? '') && !(v ?? '').startsWith('/')) return { refuse: `pip reads or writes ${v} next to the sources (${a})` };
      if (/^(-f|--find-links)/.test(a) && !/^https?:/.test(v ?? '')) return { refuse: `pip finds packages in the folder ${v}` };
      continue;
    }
    if (VALUE_FLAGS.has(a)) { k++; continue; }
    if (a.startsWith('-')) continue;
    if (LOCAL.test(a)) return { refuse: `pip installs ${a} from the sources` };
  }
  if (!queue.length) return { refuse: 'the install names no requirements file' };
  while (queue.length) {
    const f = queue.shift()!.replace(/^\.\//, '');
    if (files.includes(f)) continue;
    if (f.includes('$') || f.startsWith('/') || f.includes('..')) return { refuse: `the requirements file ${f} is not a plain path in the context` };
    files.push(f);
    const text = ctx.readText(f);
    if (text === null) return { refuse: `${f} is not in the build context` };
    const dir = f.includes('/') ? f.slice(0, f.lastIndexOf('/') + 1) : '';
    for (const rawLine of text.split(/\r?\n/)) {
      const line = rawLine.replace(/(^|\s)#.*$/, '').trim();
      if (!line) continue;
      const inc = /^(-r|--requirement|-c|--constraint)[=\s]*(\S+)$/.exec(line);
      if (inc) { queue.push(dir + inc[2]); continue; }
      if (/^(-e|--editable)\b/.test(line)) return { refuse: `${f} installs an editable package from the sources` };
      if (/^(-f|--find-links)\b/.test(line) && !/https?:/.test(line)) return { refuse: `${f} finds packages in a local folder` };
      if (/^(\.|\/|~|file:)/.test(line) || /@\s*file:/.test(line) || /\.(whl|zip|tar\.gz|tgz)$/.test(line) && !/:\/\//.test(line)) {
        return { refuse: `${f} installs ${line} from the sources` };
      }
    }
  }
  return files;
}

/** RUNs that may stand between the COPY and the install: a virtualenv, an upgrade of pip itself. */
function readsNoSources(r: RunView): boolean {
  return (r.commands ?? []).length > 0 && r.commands!.every((c) => {
    const a = c.argv;
    if (/^python(\d(\.\d+)?)?$/.test(a[0] ?? '') && a[1] === '-m' && (a[2] === 'venv' || a[2] === 'virtualenv')) return a.slice(3).every((w) => w.startsWith('/') || w.startsWith('-'));
    const args = pipInstallArgs(a);
    return args !== null && args.every((w) => w.startsWith('-') || /^(pip|setuptools|wheel)([<>=!~].*)?$/.test(w));
  });
}

function depsFirst(state: PassState): DepsPlan | Refusal | null {
  const { view, ctx } = state;
  const copy = view.copyAll!;
  const after = view.runs.filter((r) => view.indexOf.get(r.ins)! > copy.index);
  let run: RunView | undefined;
  for (const r of after) {
    const k = r.commands?.findIndex((c) => (pipInstallArgs(c.argv) ?? []).some((w) => /^(-r|--requirement)/.test(w))) ?? -1;
    if (k > 0) return { refuse: `line ${r.ins.line} runs pip after other commands` };
    if (k === 0) { run = r; break; }
  }
  if (!run) return null;
  if (view.stage.body.slice(0, copy.index).some((i) => i.keyword === 'COPY' && /requirements/.test(i.argsText))) return null;
  const files = requirementFiles(pipInstallArgs(run.commands![0].argv)!, ctx);
  if (!Array.isArray(files)) return files;
  return moveInstall(state, run, files, readsNoSources);
}

export const pythonToolchain: Toolchain = {
  name: 'pip',
  invokes: isPip,
  caches: [{
    label: 'the pip cache (/root/.cache/pip)', target: '/root/.cache/pip', store: false,
    movedBy: ['PIP_CACHE_DIR', 'HOME', 'XDG_CACHE_HOME'],
    unused: (env) => (env.has('PIP_NO_CACHE_DIR') ? 'the stage sets PIP_NO_CACHE_DIR' : null),
    drop: ['--no-cache-dir'],
  }],
  officialImage: /^(docker\.io\/)?(library\/)?python$/,
  depsFirst,
  noCross: 'a Python image builds on the platform it runs on (cross-compilation is for Go)',
};
