// .dockerignore matching: root-relative patterns, `*`, `?`, `[...]`, `**`, `!` exceptions, last
// match wins; a pattern that matches a directory excludes everything below it.

export interface IgnoreMatcher {
  (rel: string): boolean;
  /** True when some exception could re-include a path below this directory. */
  mayReinclude?: (dir: string) => boolean;
}

interface Rule {
  negate: boolean;
  re: RegExp;
  raw: string;
}

export function compileDockerignore(text: string): IgnoreMatcher {
  const rules: Rule[] = [];
  for (let line of text.split(/\r?\n/)) {
    line = line.trim();
    if (!line || line.startsWith('#')) continue;
    let negate = false;
    if (line.startsWith('!')) {
      negate = true;
      line = line.slice(1).trim();
    }
    const clean = cleanPattern(line);
    if (!clean) continue;
    rules.push({ negate, re: patternToRegExp(clean), raw: clean });
  }
  const matcher: IgnoreMatcher = (rel: string) => {
    let ignored = false;
    const parts = rel.split('/');
    for (const rule of rules) {
      // The pattern matches the path itself or any parent directory of it.
      let hit = false;
      for (let k = 1; k <= parts.length && !hit; k++) hit = rule.re.test(parts.slice(0, k).join('/'));
      if (hit) ignored = !rule.negate;
    }
    return ignored;
  };
  matcher.mayReinclude = (dir: string) => rules.some((r) => r.negate && (r.raw.startsWith(dir + '/') || r.raw.includes('*')));
  return matcher;
}

function cleanPattern(p: string): string {
  let s = p.replace(/\\/g, '/');
  const parts: string[] = [];
  for (const seg of s.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  s = parts.join('/');
  return s;
}

function patternToRegExp(p: string): RegExp {
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*') {
      if (p[i + 1] === '*') {
        // `**/` matches any number of directories, `**` at the end anything.
        if (p[i + 2] === '/') {
          re += '(?:.*/)?';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = p.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        let cls = p.slice(i + 1, close).replace(/\\/g, '\\\\');
        if (cls.startsWith('^') || cls.startsWith('!')) cls = '^' + cls.slice(1);
        re += `[${cls}]`;
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
