// Which app files a running interpreted program may read beyond the modules it imports: a folder
// its start command serves (`python -m http.server`, `ruby -run -e httpd .`), folders its source
// lists or serves (`os.listdir`, `Dir[...]`, `send_from_directory`), and files its source names
// in a string. Pure but for gatherSourceReads, which the gather step calls to read the sources.
import * as posix from 'path/posix';
import type { ContextFS } from '../../../src/context';
import { scanShell } from '../../../src/shell-words';

export type SourceLang = 'python' | 'ruby' | 'sh';

/** What one source file (or inline `-c`/`-e` code) may read. */
export interface SourceReads {
  /** Context path of the file, or a label (`the start command`). */
  file: string;
  /** Paths it lists or serves, as written (relative to the working directory, or absolute). */
  paths: string[];
  /** Reads stageify cannot bound (`os.listdir('.')`, a variable folder), for the message. */
  unbounded: string[];
  /** Its string literals that look like paths (to keep a file it names by name). */
  names: string[];
}

/** A folder the start command serves: `dir` null when stageify cannot tell which. */
export interface ServedFolder {
  dir: string | null;
  program: string;
}

export const SOURCE_FILE: Record<'python' | 'ruby', RegExp> = {
  python: /\.py$/,
  ruby: /\.(rb|ru|rake)$|(^|\/)(Rakefile|Gemfile)$/,
};
const SHELL_FILE = /\.sh$/;
const SKIP_PATH = /(^|\/)(\.git|node_modules|\.?venv|site-packages|__pycache__|vendor\/bundle|\.bundle)\//;
export const MAX_SOURCE_FILES = 2000;
export const MAX_SOURCE_BYTES = 1_000_000;
const MAX_NAMES = 2000;

/** The context files worth scanning for one language (its sources and shell scripts). */
export function sourceFiles(files: readonly string[], lang: 'python' | 'ruby'): { file: string; lang: SourceLang }[] {
  return files
    .filter((f) => !SKIP_PATH.test(f))
    .flatMap((f): { file: string; lang: SourceLang }[] => (SOURCE_FILE[lang].test(f) ? [{ file: f, lang }] : SHELL_FILE.test(f) ? [{ file: f, lang: 'sh' }] : []));
}

interface Token {
  /** Code with every string literal replaced by `\u0000<index>\u0000`. */
  code: string;
  /** Literal values; null for an interpolated string (f-string, `"#{x}"`). */
  strings: (string | null)[];
}

/** Splits source into code and string literals, dropping comments. */
export function tokenize(text: string, lang: SourceLang): Token {
  let code = '';
  const strings: (string | null)[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '#' && !(lang === 'ruby' && text[i + 1] === '{')) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '"' || c === "'" || (lang === 'ruby' && c === '`')) {
      // Python string prefixes (r, b, f, rb, fr…) stay in the code just before the quote.
      const prefix = lang === 'python' ? (/([rRbBuUfF]{1,2})$/.exec(code)?.[1] ?? '') : '';
      const triple = lang === 'python' && text.startsWith(c.repeat(3), i);
      const close = triple ? c.repeat(3) : c;
      let j = i + close.length;
      let value = '';
      const raw = /[rR]/.test(prefix);
      while (j < text.length && !text.startsWith(close, j)) {
        if (text[j] === '\\' && !raw && lang !== 'sh') {
          value += text[j + 1] ?? '';
          j += 2;
          continue;
        }
        if (text[j] === '\\' && raw) {
          value += text.slice(j, j + 2);
          j += 2;
          continue;
        }
        if (!triple && text[j] === '\n' && lang === 'python') break;
        value += text[j];
        j++;
      }
      const interpolated = /[fF]/.test(prefix) ? /\{/.test(value) : (lang === 'ruby' && c !== "'" && value.includes('#{')) || (lang === 'sh' && c === '"' && value.includes('$'));
      strings.push(interpolated ? null : value);
      code += `\u0000${strings.length - 1}\u0000`;
      i = j + close.length;
      continue;
    }
    code += c;
    i++;
  }
  return { code, strings };
}

// A call's first argument: a literal (group 1), nothing (`)`), or anything else.
const ARG = String.raw`\s*(?:\u0000(\d+)\u0000\s*([,)\]\n;{]|\.each\b|do\b|$)|(\)))?`;

interface Reader {
  re: RegExp;
  /** The call reads the working directory when given no argument. */
  noArgIsCwd: boolean;
  /** Bare mention (no argument to read): always unbounded. */
  bare?: boolean;
}

const PYTHON_READERS: Reader[] = [
  { re: /\b(?:os\.)?(listdir|scandir)\s*\(/g, noArgIsCwd: true },
  { re: /\bos\.walk\s*\(|\bos\.fwalk\s*\(/g, noArgIsCwd: false },
  { re: /\b(?:glob\.)?i?glob\s*\(/g, noArgIsCwd: false },
  { re: /\bshutil\.(?:copytree|make_archive)\s*\(/g, noArgIsCwd: false },
  { re: /\bsend_from_directory\s*\(|\bsend_file\s*\(/g, noArgIsCwd: false },
  { re: /\bstatic_folder\s*=/g, noArgIsCwd: false },
  { re: /\bStaticFiles\s*\(\s*directory\s*=/g, noArgIsCwd: false },
  { re: /\.(?:iterdir|rglob)\s*\(|\bSimpleHTTPRequestHandler\b|\bCGIHTTPRequestHandler\b|\bhttp\.server\b|\bSimpleHTTPServer\b/g, noArgIsCwd: false, bare: true },
];

const RUBY_READERS: Reader[] = [
  { re: /\bDir\s*\[/g, noArgIsCwd: false },
  { re: /\bDir\.(?:glob|entries|children|each_child|foreach|new|open)\s*\(?/g, noArgIsCwd: false },
  { re: /\bFind\.find\s*\(?/g, noArgIsCwd: false },
  { re: /\bFileUtils\.(?:cp_r|copy_entry)\s*\(?/g, noArgIsCwd: false },
  { re: /:?DocumentRoot\s*(?:=>|:)/g, noArgIsCwd: false },
  { re: /\bRack::Static\b[^\n]*?(?:\broot:\s*|:root\s*=>\s*)/g, noArgIsCwd: false },
  { re: /\bRack::(?:Files|File|Directory)\.new\s*\(?|\bsend_file\s*\(?/g, noArgIsCwd: false },
  { re: /\bRack::Static\b(?![^\n]*\broot)|\bWEBrick::HTTPServlet::FileHandler\b/g, noArgIsCwd: false, bare: true },
];

/** Serving programs a shell script may start: treated as reading folders stageify cannot bound. */
const SHELL_SERVERS = /(-m\s+(http\.server|SimpleHTTPServer|CGIHTTPServer|pydoc\b[^\n]*\s-[pb]\b)|-run\s+-e\s+httpd|\b(jupyter(-notebook|-lab)?|mkdocs\s+serve|jekyll\s+serve|grip)\b)/;

/** The reads one source text makes. */
export function scanSource(file: string, text: string, lang: SourceLang): SourceReads {
  const out: SourceReads = { file, paths: [], unbounded: [], names: [] };
  const { code, strings } = tokenize(text, lang);
  for (const s of strings) {
    if (s !== null && out.names.length < MAX_NAMES && s.length < 256 && /^[^\s]+$/.test(s)) out.names.push(s);
  }
  if (lang === 'sh') {
    const plain = code.replace(/\u0000(\d+)\u0000/g, (_m, n) => strings[Number(n)] ?? '$');
    const m = SHELL_SERVERS.exec(plain);
    if (m) out.unbounded.push(m[0].trim());
    return out;
  }
  for (const r of lang === 'python' ? PYTHON_READERS : RUBY_READERS) {
    r.re.lastIndex = 0;
    for (let m = r.re.exec(code); m; m = r.re.exec(code)) {
      const what = m[0].replace(/\s+/g, '').replace(/^[:.]/, '');
      if (r.bare) {
        if (!out.unbounded.includes(what)) out.unbounded.push(what);
        continue;
      }
      const rest = code.slice(m.index + m[0].length);
      const a = new RegExp('^' + ARG).exec(rest);
      const lit = a?.[1] !== undefined ? strings[Number(a[1])] : undefined;
      const path = lit === undefined || lit === null ? null : globRoot(lit);
      if (a?.[3] && r.noArgIsCwd) pushOnce(out.unbounded, `${what})`);
      else if (path === null) pushOnce(out.unbounded, `${what}${lit === undefined || lit === null ? '…' : JSON.stringify(lit) + (a?.[2] === ')' ? ')' : '')}`);
      else pushOnce(out.paths, path);
    }
  }
  return out;
}

function pushOnce(list: string[], v: string): void {
  if (!list.includes(v)) list.push(v);
}

/** The folder a path or glob is confined to, or null for the working directory itself. */
function globRoot(p: string): string | null {
  const parts = p.split('/');
  const fixed: string[] = [];
  for (const part of parts) {
    if (/[*?[{]/.test(part)) break;
    fixed.push(part);
  }
  const root = posix.normalize(fixed.join('/') || '.');
  if (root === '.' || root === '..' || root.startsWith('../') || root === '/') return null;
  return root;
}

const PY_SERVING_MODULES = new Set(['http.server', 'SimpleHTTPServer', 'CGIHTTPServer']);
const NOTEBOOK_DIR = /^--(?:notebook-dir|(?:ServerApp|NotebookApp)\.(?:root_dir|notebook_dir))(?:=(.*))?$/;

/**
 * The folders a start command serves (its argv, run in `cwd`), and the inline code it runs
 * (`python -c`, `ruby -e`) for the source scan. `isInterpreter` tells the language's interpreters.
 */
export function servedFolders(argv: readonly string[], cwd: string, lang: 'python' | 'ruby', isInterpreter: (name: string) => boolean): { served: ServedFolder[]; code: string[] } {
  const served: ServedFolder[] = [];
  const code: string[] = [];
  if (!argv.length) return { served, code };
  const name = posix.basename(argv[0]);
  const at = (d: string | undefined, program: string) => served.push({ dir: d === undefined ? cwd : /[$`]/.test(d) ? null : posix.resolve(cwd, d), program });
  const optValue = (args: readonly string[], names: readonly string[]): string | undefined => {
    for (let i = 0; i < args.length; i++) {
      for (const n of names) {
        if (args[i] === n) return args[i + 1];
        if (n.startsWith('--') && args[i].startsWith(n + '=')) return args[i].slice(n.length + 1);
      }
    }
    return undefined;
  };
  if (lang === 'python' && isInterpreter(name)) {
    for (let i = 1; i < argv.length; i++) {
      const a = argv[i];
      if (a === '-c') {
        if (argv[i + 1] !== undefined) code.push(argv[i + 1]);
        break;
      }
      if (a === '-m') {
        const mod = argv[i + 1] ?? '';
        const rest = argv.slice(i + 2);
        const program = `${name} -m ${mod}`;
        if (PY_SERVING_MODULES.has(mod)) at(mod === 'http.server' ? optValue(rest, ['-d', '--directory']) : undefined, program);
        else if (mod === 'pydoc' && rest.some((r) => /^-[pb]/.test(r))) at(undefined, program);
        else if (mod === 'mkdocs' || mod === 'jupyter' || mod === 'notebook' || mod === 'jupyterlab') served.push(...toolServes([mod, ...rest], cwd, optValue));
        break;
      }
      if (!a.startsWith('-')) break;
    }
    return { served, code };
  }
  if (lang === 'ruby' && isInterpreter(name) && name === 'ruby') {
    const args = argv.slice(1);
    const e = args.indexOf('-e');
    const requires = args.slice(0, e < 0 ? args.length : e);
    if (e >= 0 && (requires.includes('-run') || (requires.includes('-r') && requires[requires.indexOf('-r') + 1] === 'un') || requires.includes('-run')) && args[e + 1] === 'httpd') {
      // un.rb httpd: options, then the folder (default: the working directory).
      const rest = args.slice(e + 2);
      let dir: string | undefined;
      for (let i = 0; i < rest.length; i++) {
        const r = rest[i];
        if (r === '--') continue;
        if (/^-[pbm]$/.test(r) || /^--(port|bind-address|max-clients|request-timeout)$/.test(r)) {
          i++;
          continue;
        }
        if (r.startsWith('-')) continue;
        dir = r;
        break;
      }
      at(dir, 'ruby -run -e httpd');
    } else if (e >= 0 && args[e + 1] !== undefined) code.push(args[e + 1]);
    return { served, code };
  }
  served.push(...toolServes(argv, cwd, optValue));
  return { served, code };
}

/** Programs started by name that serve or build from a whole folder. */
function toolServes(argv: readonly string[], cwd: string, optValue: (args: readonly string[], names: readonly string[]) => string | undefined): ServedFolder[] {
  const name = posix.basename(argv[0]);
  const rest = argv.slice(1);
  const resolve = (d: string | undefined) => (d === undefined ? cwd : /[$`]/.test(d) ? null : posix.resolve(cwd, d));
  const sub = rest.find((r) => !r.startsWith('-'));
  if (name === 'mkdocs' && (sub === 'serve' || sub === 'build' || sub === 'gh-deploy')) {
    const config = optValue(rest, ['-f', '--config-file']);
    return [{ dir: config === undefined ? cwd : resolve(posix.dirname(config)), program: `mkdocs ${sub}` }];
  }
  const notebook = name === 'jupyter' ? ['notebook', 'lab', 'server'].includes(sub ?? '') : ['jupyter-notebook', 'jupyter-lab', 'jupyter-server', 'notebook', 'jupyterlab'].includes(name);
  if (notebook) {
    let dir: string | undefined;
    for (const r of rest) {
      const m = NOTEBOOK_DIR.exec(r);
      if (m) dir = m[1] ?? rest[rest.indexOf(r) + 1];
    }
    return [{ dir: resolve(dir), program: name === 'jupyter' ? `jupyter ${sub}` : name }];
  }
  if ((name === 'jekyll' && (sub === 'serve' || sub === 's' || sub === 'build')) || name === 'grip' || name === 'sphinx-autobuild' || (name === 'pelican' && rest.some((r) => r === '--listen' || r === '-l'))) {
    const src = name === 'jekyll' ? optValue(rest, ['-s', '--source']) : undefined;
    return [{ dir: resolve(src), program: sub && name !== 'grip' && name !== 'sphinx-autobuild' ? `${name} ${sub}` : name }];
  }
  if (name === 'twistd' && sub === 'web') {
    const p = optValue(rest, ['--path']);
    return p === undefined ? [] : [{ dir: resolve(p), program: 'twistd web --path' }];
  }
  return [];
}

/** The start command's words: the served folders of every simple command it runs. */
export function startCommandReads(
  commands: { argv: string[] | null; shell: string | null }[], cwd: string, lang: 'python' | 'ruby', isInterpreter: (name: string) => boolean, escape: string,
): { served: ServedFolder[]; code: string[] } {
  const served: ServedFolder[] = [];
  const code: string[] = [];
  for (const c of commands) {
    if (c.argv) {
      const r = servedFolders(c.argv, cwd, lang, isInterpreter);
      served.push(...r.served);
      code.push(...r.code);
      continue;
    }
    // A shell command: each simple command, in the working directory until a `cd` moves it.
    let dir: string | null = cwd;
    for (const sc of scanShell(c.shell ?? '', 0, escape).commands) {
      const words = sc.words.map((w) => w.value).filter((w, i, all) => !(i === 0 && w === 'exec' && all.length > 1));
      if (words[0] === 'cd') {
        dir = words[1] && !/[$`~]/.test(words[1]) && dir !== null ? posix.resolve(dir, words[1]) : null;
        continue;
      }
      const r = servedFolders(words, dir ?? cwd, lang, isInterpreter);
      served.push(...r.served.map((s) => (dir === null ? { ...s, dir: null } : s)));
      code.push(...r.code);
    }
  }
  return { served, code };
}

/** Reads every source and shell script of the context (the gather step's only I/O here). */
export function gatherSourceReads(ctx: ContextFS, files: readonly string[], truncated: boolean, lang: 'python' | 'ruby'): { sources: SourceReads[]; incomplete: string | null } {
  const list = sourceFiles(files, lang);
  const sources: SourceReads[] = [];
  let incomplete: string | null = truncated && files.length ? 'the build context has too many files to scan its sources' : null;
  for (const { file, lang: l } of list.slice(0, MAX_SOURCE_FILES)) {
    const text = ctx.readText(file, MAX_SOURCE_BYTES);
    if (text === null) {
      incomplete ??= `${file} could not be read (larger than ${MAX_SOURCE_BYTES} bytes)`;
      continue;
    }
    const r = scanSource(file, text, l);
    if (r.paths.length || r.unbounded.length || r.names.length) sources.push(r);
  }
  if (list.length > MAX_SOURCE_FILES) incomplete ??= `more than ${MAX_SOURCE_FILES} source files to scan`;
  return { sources, incomplete };
}
