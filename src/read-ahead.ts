// Read-ahead for batches: a reader thread (read-ahead-worker.ts) reads each Dockerfile and the
// build-context files the transforms name while this thread plans the files before it. The
// planner takes what was read, job by job, without waiting: a job not read yet (the reader is
// behind, or left it for the planner: a link, a special or large file) is read here as before.
// Nothing depends on the reader: when it cannot start or stops, every read is made here.
import * as fs from 'fs';
import * as path from 'path';

/** Slots of the shared state. */
export const STATE = { next: 0, stop: 1 } as const;

export interface ReadAheadData {
  /**
   * [Dockerfile, context folder], absolute, in planning order; with a third element, the names of
   * the regular files at the context root when discovery listed that folder already (the reader
   * then does not list it again).
   */
  jobs: ReadAheadJob[];
  /** Context files read ahead: at the context root, these names or endings. */
  names: string[];
  suffixes: string[];
  dockerfileMax: number;
  contextMax: number;
  contextFilesMax: number;
  /** Bounds on what is read but not taken yet: jobs and bytes. */
  window: number;
  heldMax: number;
  /** The planner wakes a full reader every this many jobs taken. */
  wakeEvery: number;
  /** Also parse each Dockerfile read (see AheadDockerfile). */
  parse: boolean;
  /** How far past the planner a reader that fell behind starts again. */
  lead: number;
  state: SharedArrayBuffer;
}

export type ReadAheadJob = [file: string, context: string, names?: readonly string[]];

/**
 * A Dockerfile read ahead: its text and stat, as the planner would read it, and (when the reader
 * parses) the parse of that text, so the planner does not parse it again.
 */
export type AheadDockerfile = import('./read-bytes').RegularText & { parsed?: import('./dockerfile').ParseSummary };
export interface AheadContextFile { name: string; text: string; bytes: number }

export interface AheadJobResult {
  index: number;
  /** null: left for the planner (not a regular file, too large, unreadable). */
  dockerfile: AheadDockerfile | null;
  context: AheadContextFile[];
}

/** What was read ahead for one job: the Dockerfile and some files at its context root. */
export interface Ahead {
  dockerfile: AheadDockerfile;
  /** Absent names are read by the planner. */
  context: readonly AheadContextFile[];
}

export interface ReadAhead {
  /** Job `index`'s reads, or null: read them here. Indexes must be asked in increasing order. */
  take(index: number): Ahead | null;
  stop(): void;
}

export interface ReadAheadOptions {
  names: Iterable<string>;
  suffixes: Iterable<string>;
  dockerfileMax: number;
  contextMax?: number;
  /** Parse each Dockerfile in the reader thread too. */
  parse?: boolean;
}

/** Below this many files the reader thread costs more than it saves. */
export const READ_AHEAD_MIN_JOBS = 200;
/** The reader reads at most WINDOW jobs ahead and is woken every WAKE_EVERY jobs taken. */
const WINDOW = 1024;
const WAKE_EVERY = 256;
/** A reader that fell behind the planner starts again this many jobs past it. */
const LEAD = 32;
const WORKER_FILE = path.join(__dirname, 'read-ahead-worker.js');

/**
 * A batch of results as it crosses threads: the file texts as they are (a string is copied
 * whole), everything else as JSON text, which parses faster than a structured clone of many small
 * objects and keeps what the results hold (numbers, strings, booleans, nulls) exactly.
 */
export type EncodedBatch = [json: string, texts: string[]];

/** Takes the texts out of `batch` (it is not used again) and encodes the rest. */
export function encodeBatch(batch: AheadJobResult[]): EncodedBatch {
  const texts: string[] = [];
  for (const r of batch) {
    if (r.dockerfile) {
      texts.push(r.dockerfile.text);
      r.dockerfile.text = '';
    }
    for (const c of r.context) {
      texts.push(c.text);
      c.text = '';
    }
  }
  return [JSON.stringify(batch), texts];
}

export function decodeBatch([json, texts]: EncodedBatch): AheadJobResult[] {
  const batch = JSON.parse(json) as AheadJobResult[];
  let t = 0;
  for (const r of batch) {
    if (r.dockerfile) r.dockerfile.text = texts[t++];
    for (const c of r.context) c.text = texts[t++];
  }
  return batch;
}

/** Starts the reader thread, or returns null (too few jobs, or no thread can be started). */
export function startReadAhead(jobs: ReadAheadJob[], opts: ReadAheadOptions): ReadAhead | null {
  if (jobs.length < READ_AHEAD_MIN_JOBS || !fs.existsSync(WORKER_FILE)) return null;
  const wt = require('worker_threads') as typeof import('worker_threads');
  const state = new SharedArrayBuffer(8);
  const shared = new Int32Array(state);
  const { port1, port2 } = new wt.MessageChannel();
  const data: ReadAheadData = {
    jobs,
    names: [...opts.names, '.dockerignore'],
    suffixes: [...opts.suffixes],
    dockerfileMax: Math.min(opts.dockerfileMax, 1 << 20),
    contextMax: opts.contextMax ?? 256 * 1024,
    contextFilesMax: 32,
    window: WINDOW,
    wakeEvery: WAKE_EVERY,
    parse: opts.parse ?? false,
    lead: LEAD,
    heldMax: 32 << 20,
    state,
  };
  let worker: import('worker_threads').Worker;
  try {
    worker = new wt.Worker(WORKER_FILE, { workerData: { ...data, port: port2 }, transferList: [port2], stdout: true, stderr: true });
  } catch {
    port1.close();
    return null;
  }
  worker.unref();
  // A reader that fails only means the planner reads for itself.
  worker.on('error', () => {});
  let queue: AheadJobResult[] = [];
  let at = 0;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    Atomics.store(shared, STATE.stop, 1);
    Atomics.notify(shared, STATE.next);
    port1.close();
    void worker.terminate();
  };
  return {
    take(index) {
      if (stopped) return null;
      Atomics.store(shared, STATE.next, index + 1);
      // Waking the reader costs a system call: only every so often (see the worker's bound).
      if (index % WAKE_EVERY === 0) Atomics.notify(shared, STATE.next);
      for (;;) {
        while (at < queue.length && queue[at].index < index) at++;
        if (at < queue.length) {
          const r = queue[at];
          if (r.index !== index || !r.dockerfile) return null;
          at++;
          return { dockerfile: r.dockerfile, context: r.context };
        }
        const got = wt.receiveMessageOnPort(port1);
        if (!got) return null;
        queue = decodeBatch(got.message as EncodedBatch);
        at = 0;
      }
    },
    stop,
  };
}
