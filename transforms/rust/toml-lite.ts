// Just enough TOML for Cargo manifests and .cargo/config: tables, arrays of tables, and
// `key = value` with strings, booleans and (multi-line) arrays of strings. Anything else is
// kept as raw text; nothing here throws.

export type TomlValue = string | boolean | string[] | null;

export interface TomlTable {
  /** Header path as written, e.g. `package`, `bin`, `build`, `workspace`. */
  name: string;
  /** `[[name]]` (an entry of an array of tables). */
  array: boolean;
  values: Map<string, TomlValue>;
}

export function parseTomlLite(text: string): TomlTable[] {
  const tables: TomlTable[] = [{ name: '', array: false, values: new Map() }];
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const line = stripComment(lines[i]).trim();
    if (!line) continue;
    const header = /^(\[\[?)\s*([A-Za-z0-9_.\-"' ]+?)\s*\]\]?$/.exec(line);
    if (header) {
      tables.push({ name: header[2].replace(/["'\s]/g, ''), array: header[1] === '[[', values: new Map() });
      continue;
    }
    const kv = /^([A-Za-z0-9_.\-"']+)\s*=\s*(.*)$/.exec(line);
    if (!kv) continue;
    let raw = kv[2];
    // Arrays may run over several lines.
    if (raw.startsWith('[')) {
      while (!balanced(raw) && i + 1 < lines.length) raw += ' ' + stripComment(lines[++i]);
    }
    tables[tables.length - 1].values.set(kv[1].replace(/["']/g, ''), parseValue(raw.trim()));
  }
  return tables;
}

function stripComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return line.slice(0, i);
  }
  return line;
}

function balanced(s: string): boolean {
  let depth = 0;
  for (const m of s.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '').matchAll(/[[\]]/g)) depth += m[0] === '[' ? 1 : -1;
  return depth <= 0;
}

function parseValue(raw: string): TomlValue {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  const str = /^"((?:[^"\\]|\\.)*)"|^'([^']*)'/.exec(raw);
  if (str) return str[1] !== undefined ? str[1].replace(/\\(.)/g, '$1') : str[2];
  if (raw.startsWith('[')) {
    return [...raw.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2]);
  }
  return null;
}

/** The first table with this name (not an array entry). */
export function table(tables: readonly TomlTable[], name: string): TomlTable | undefined {
  return tables.find((t) => t.name === name && !t.array);
}

export function str(t: TomlTable | undefined, key: string): string | null {
  const v = t?.values.get(key);
  return typeof v === 'string' ? v : null;
}
