// Where a Python stage installs packages: pip into the system site-packages, into a virtualenv the
// file creates, into a --target/--prefix folder, or with a tool stageify cannot follow.
import * as posix from 'path/posix';
import type { Instr } from '../../src/dockerfile';
import type { StageCommand, StageWalk } from '../shared/interpreted/stage-walk';
import { programName } from '../shared/interpreted/stage-walk';

export interface PipInstall {
  cmd: StageCommand;
  /** 'system' (the interpreter's site-packages), 'venv', 'dir' (--target/--prefix), 'user'. */
  into: 'system' | 'venv' | 'dir' | 'user';
  /** The virtualenv or folder, when not system. */
  dir: string | null;
  /** Package names and requirement files named on the command line. */
  packages: string[];
  requirementFiles: string[];
  /** Installs the app folder itself (`pip install .`, `-e .`). */
  local: boolean;
}

export interface PythonInstalls {
  pips: PipInstall[];
  /** Virtualenvs the file creates, with the instruction. */
  venvs: { dir: string; ins: Instr }[];
  /** Installers stageify cannot follow (pipenv, poetry, conda, setup.py install…). */
  unknown: { tool: string; ins: Instr }[];
}

const UNKNOWN_TOOLS = new Set(['pipenv', 'poetry', 'conda', 'mamba', 'micromamba', 'pdm', 'easy_install', 'uv', 'hatch', 'pipx']);

export function isPythonName(name: string): boolean {
  return /^(python|pypy)(\d(\.\d+)?)?$/.test(name);
}

function isPipName(name: string): boolean {
  return /^pip(\d(\.\d+)?)?$/.test(name);
}

export function pythonInstalls(walk: StageWalk): PythonInstalls {
  const out: PythonInstalls = { pips: [], venvs: [], unknown: [] };
  // PATH entries that are virtualenv bin folders, as ENV set them (the walk's env per command).
  const venvOnPath = (env: ReadonlyMap<string, string>): string | null => {
    for (const d of (env.get('PATH') ?? '').split(':')) {
      if (out.venvs.some((v) => posix.join(v.dir, 'bin') === d)) return posix.dirname(d);
    }
    const ve = env.get('VIRTUAL_ENV');
    return ve && (env.get('PATH') ?? '').split(':').includes(posix.join(ve, 'bin')) ? ve : null;
  };
  let activated: { ins: Instr; dir: string } | null = null;
  for (const c of walk.commands) {
    const prog = programName(c.argv);
    if (activated && activated.ins !== c.ins) activated = null;
    if ((prog === '.' || prog === 'source') && /\/bin\/activate$/.test(c.argv[1] ?? '')) {
      activated = { ins: c.ins, dir: posix.dirname(posix.dirname(posix.resolve(c.cwd, c.argv[1]))) };
      continue;
    }
    let args: string[] | null = null;
    let viaPath: string | null = null;
    if (isPythonName(prog)) {
      const m = c.argv.indexOf('-m');
      const mod = m >= 1 ? c.argv[m + 1] : null;
      if (mod === 'venv' || mod === 'virtualenv') {
        const dir = c.argv.slice(m + 2).find((a) => !a.startsWith('-'));
        if (dir) out.venvs.push({ dir: posix.resolve(c.cwd, dir), ins: c.ins });
        continue;
      }
      if (mod === 'pip') args = c.argv.slice(m + 2);
      else if (c.argv.slice(1).some((a) => a === 'setup.py') && c.argv.some((a) => a === 'install' || a === 'develop')) {
        out.unknown.push({ tool: 'setup.py install', ins: c.ins });
        continue;
      } else continue;
      if (c.argv[0].includes('/')) viaPath = c.argv[0];
    } else if (prog === 'virtualenv') {
      const dir = c.argv.slice(1).find((a) => !a.startsWith('-'));
      if (dir) out.venvs.push({ dir: posix.resolve(c.cwd, dir), ins: c.ins });
      continue;
    } else if (isPipName(prog)) {
      args = c.argv.slice(1);
      if (c.argv[0].includes('/')) viaPath = c.argv[0];
    } else if (UNKNOWN_TOOLS.has(prog)) {
      out.unknown.push({ tool: prog, ins: c.ins });
      continue;
    } else continue;
    if (args[0] !== 'install') continue;
    out.pips.push(pipInstall(c, args.slice(1), viaPath, activated?.dir ?? venvOnPath(c.env), out.venvs.map((v) => v.dir)));
  }
  return out;
}

function pipInstall(cmd: StageCommand, args: string[], viaPath: string | null, activeVenv: string | null, venvs: string[]): PipInstall {
  const packages: string[] = [];
  const requirementFiles: string[] = [];
  let into: PipInstall['into'] = 'system';
  let dir: string | null = null;
  let local = false;
  const valueOpts = new Set(['-r', '--requirement', '-c', '--constraint', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--trusted-host', '--target', '-t', '--prefix', '--root', '--src', '--platform', '--python-version', '--implementation', '--abi', '--progress-bar', '--cache-dir', '--timeout', '--retries', '--log', '--proxy', '--only-binary', '--no-binary', '--config-settings', '-C', '--report', '--upgrade-strategy']);
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, null];
    const value = () => inline ?? args[++k] ?? '';
    if (flag === '-r' || flag === '--requirement') requirementFiles.push(posix.resolve(cmd.cwd, value()));
    else if (flag === '--user') into = 'user';
    else if (flag === '--target' || flag === '-t' || flag === '--prefix' || flag === '--root') {
      into = 'dir';
      dir = posix.resolve(cmd.cwd, value());
    } else if (flag === '-e' || flag === '--editable') {
      local = true;
      packages.push(value());
    } else if (valueOpts.has(flag)) value();
    else if (!a.startsWith('-')) {
      if (a === '.' || a.startsWith('./') || a.startsWith('/') || a.startsWith('../') || /^\.\[/.test(a)) local = true;
      packages.push(a);
    }
  }
  if (into === 'system') {
    // `/opt/venv/bin/pip`, `. /opt/venv/bin/activate`, or a venv's bin/ first on PATH.
    const viaVenv = viaPath ? venvs.find((v) => viaPath.startsWith(posix.join(v, 'bin') + '/')) ?? null : null;
    const venv = viaVenv ?? (viaPath ? null : activeVenv);
    if (venv) {
      into = 'venv';
      dir = venv;
    }
  }
  return { cmd, into, dir, packages, requirementFiles, local };
}
