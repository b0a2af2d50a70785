// One updating progress line on a TTY stderr for batches that take more than about a second:
// `stageify: 812/10000 files…`. Silent when stderr is piped, with --quiet, and for report formats
// other than text. The batch loop is synchronous, so no timers: each tick looks at the clock.

interface TtyStream { write(chunk: string): unknown; isTTY?: boolean; columns?: number }

export interface ProgressOptions {
  stream: TtyStream;
  total: number;
  enabled: boolean;
  /** Nothing is drawn before this many ms (short batches never flash a line). */
  delayMs?: number;
  /** Minimum time between redraws. */
  intervalMs?: number;
  now?: () => number;
}

export interface Progress {
  /** `done` files finished. Cheap: draws at most every intervalMs. */
  tick(done: number): void;
  /** Writes a line of its own (a per-file message) without mixing it into the progress line. */
  write(text: string): void;
  /** Erases the line; call before the summary. */
  clear(): void;
}

const ERASE = '\r\u001b[K';

const silent: Progress = { tick() {}, write() {}, clear() {} };

export function createProgress(opts: ProgressOptions): Progress {
  if (!opts.enabled || !opts.stream.isTTY || opts.total <= 1) {
    return { ...silent, write: (text) => { opts.stream.write(text); } };
  }
  const now = opts.now ?? (() => performance.now());
  const delay = opts.delayMs ?? 1000;
  const interval = opts.intervalMs ?? 100;
  const started = now();
  let last = -Infinity;
  let shown = false;
  let done = 0;

  const draw = () => {
    let line = `stageify: ${done}/${opts.total} files…`;
    if (opts.stream.columns && line.length >= opts.stream.columns) line = line.slice(0, opts.stream.columns - 1);
    opts.stream.write(ERASE + line);
    shown = true;
    last = now();
  };

  return {
    tick(n) {
      done = n;
      const t = now();
      if (t - started < delay || t - last < interval) return;
      draw();
    },
    write(text) {
      if (shown) { opts.stream.write(ERASE); shown = false; last = -Infinity; }
      opts.stream.write(text);
    },
    clear() {
      if (shown) opts.stream.write(ERASE);
      shown = false;
    },
  };
}
