// The settings of `--verify` that a flag or the config can give: the wait before a program counts as
// still running, the HTTP check and the sidecar image. Pure parsing, shared by the CLI, the config
// loader and src/verify.ts (which stays out of the CLI's start-up path).

/** Seconds a run gets before "still running" is decided, when nothing says otherwise. */
export const DEFAULT_WAIT_SECONDS = 8;
/** The longest wait accepted (an hour). */
export const MAX_WAIT_SECONDS = 3600;

export interface HttpTarget {
  port: number;
  /** Starts with `/`. */
  path: string;
}

/** The per-file verify settings of a config (flags win over them). */
export interface VerifySettings {
  /** Seconds. */
  wait?: number;
  http?: HttpTarget;
  sidecar?: string;
}

/** A wait in seconds (a number > 0, at most an hour), or why not. */
export function parseWaitSeconds(value: unknown): { seconds: number } | { error: string } {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0 || n > MAX_WAIT_SECONDS) {
    return { error: `must be a number of seconds above 0 and at most ${MAX_WAIT_SECONDS}, got ${JSON.stringify(value)}` };
  }
  return { seconds: n };
}

// What a URL path may hold besides letters and digits (RFC 3986 pchar, `/` and a query); no spaces,
// no `#`, no backslash, nothing that could name another host.
const PATH_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*$/;

/**
 * `PORT` or `PORT/PATH` (`8080/healthz`, `8080` meaning `/`), or why not. The host is never part of
 * it: the check always asks 127.0.0.1 inside the server's own network namespace.
 */
export function parseHttpTarget(text: unknown): HttpTarget | { error: string } {
  const bad = (why: string) => ({ error: `must be PORT or PORT/PATH, e.g. 8080/healthz (${why}), got ${JSON.stringify(text)}` });
  if (typeof text !== 'string') return bad('a string');
  const m = /^(\d{1,5})(\/.*)?$/.exec(text.trim());
  if (!m) return bad('a port number first, no host or scheme');
  const port = Number(m[1]);
  if (port < 1 || port > 65535) return bad('the port is 1 to 65535');
  const p = m[2] ?? '/';
  if (!PATH_CHARS.test(p) || p.startsWith('//')) return bad('the path has characters a URL path cannot hold');
  return { port, path: p };
}

/** The URL asked, always on the loopback address. */
export function httpUrl(t: HttpTarget): string {
  return `http://127.0.0.1:${t.port}${t.path}`;
}

/** `8080/healthz` back from a target. */
export function formatHttpTarget(t: HttpTarget): string {
  return `${t.port}${t.path === '/' ? '' : t.path}`;
}
