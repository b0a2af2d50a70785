// The reader thread of a batch: reads each Dockerfile and the context files the transforms ask
// for ahead of the planning thread, so the planner's file reads become lookups. Only reads: it
// never plans, never writes, and anything unusual (a link, a special file, a large file) is left
// for the planning thread to read and report itself. Loaded only by read-ahead.ts; it imports
// only stageify's small I/O and text helpers so it starts fast.
import * as fs from 'fs';
import * as path from 'path';
import { workerData } from 'worker_threads';
import type { MessagePort } from 'worker_threads';
import type { AheadDockerfile, AheadJobResult, ReadAheadData } from './read-ahead';
import { STATE, encodeBatch } from './read-ahead';
import { readBytesNoFollow, readRegularText } from './read-bytes';
import type { ParseSummary } from './dockerfile';

/** About what a parse holds in memory, in bytes (for the bound on what is read but not taken). */
function parseWeight(p: ParseSummary | undefined): number {
  if (!p) return 0;
  let props = 0;
  for (const list of p.properties) if (list) props += list.length;
  return 64 * p.keywords.length + 48 * props + 8 * p.comments.length;
}

function run(data: ReadAheadData, port: MessagePort): void {
  const state = new Int32Array(data.state);
  const wantedNames = new Set(data.names);
  // Bytes held by results the planner has not taken yet, by job index.
  const held: number[] = [];
  let heldTotal = 0;
  let released = 0;
  let batch: AheadJobResult[] = [];
  const flush = () => {
    if (!batch.length) return;
    port.postMessage(encodeBatch(batch));
    batch = [];
  };

  // Anything but a regular file's text is left for the planner, which reads it again and reports it.
  // The parser is loaded only when asked for: a reader that only reads starts faster.
  const summarize = data.parse ? (require('./dockerfile') as typeof import('./dockerfile')).summarizeDockerfile : null;
  const readDockerfile = (file: string): AheadJobResult['dockerfile'] => {
    const r = readRegularText(file, data.dockerfileMax);
    if ('kind' in r) return null;
    if (summarize) {
      // A parse that fails here is left for the planner, which parses and reports it itself.
      try {
        (r as AheadDockerfile).parsed = summarize(r.text);
      } catch {
        // not parsed: the planner parses
      }
    }
    return r;
  };

  const wanted = (name: string) => wantedNames.has(name) || data.suffixes.some((s) => name.endsWith(s));

  /** The regular files at the root of a context folder: as discovery listed them, else listed here. */
  const regularFiles = (dir: string, listed: readonly string[] | undefined): readonly string[] => {
    if (listed) return listed;
    try {
      return fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
    } catch {
      return [];
    }
  };

  const readContext = (dir: string, listed: readonly string[] | undefined): AheadJobResult['context'] => {
    const out: AheadJobResult['context'] = [];
    for (const name of regularFiles(dir, listed)) {
      if (out.length >= data.contextFilesMax) break;
      if (!wanted(name)) continue;
      // Decoded here: a string crosses threads cheaper than a byte array. Unreadable (or no
      // longer a regular file): the planner reads it itself.
      const bytes = readBytesNoFollow(path.join(dir, name), data.contextMax);
      if (bytes) out.push({ name, text: bytes.toString('utf8'), bytes: bytes.byteLength });
    }
    return out;
  };

  let i = 0;
  while (i < data.jobs.length) {
    if (Atomics.load(state, STATE.stop)) break;
    const next = Atomics.load(state, STATE.next);
    // Results the planner has passed no longer count against the bound.
    while (released < next && released < held.length) heldTotal -= held[released++];
    if (i < next) {
      // The planner got ahead (it reads for itself meanwhile): skip past where it is, far enough
      // that what is read next is still ahead of it when done (just behind, every race is lost).
      flush();
      i = Math.min(next + data.lead, data.jobs.length);
      while (held.length < i) held.push(0);
      continue;
    }
    if (i - next >= data.window || heldTotal >= data.heldMax) {
      // Full: sleep until the planner has taken a good part of it (it wakes this thread every
      // `wakeEvery` jobs), then read a long run at once.
      flush();
      const target = next + data.wakeEvery;
      for (let now = next; now < target && !Atomics.load(state, STATE.stop); now = Atomics.load(state, STATE.next)) {
        Atomics.wait(state, STATE.next, now, 50);
      }
      continue;
    }
    const [file, context, listed] = data.jobs[i];
    const dockerfile = readDockerfile(file);
    const ctx = dockerfile ? readContext(context, listed) : [];
    const size = (dockerfile ? dockerfile.text.length + parseWeight(dockerfile.parsed) : 0) + ctx.reduce((s, f) => s + f.bytes, 0);
    held.push(size);
    heldTotal += size;
    batch.push({ index: i, dockerfile, context: ctx });
    i++;
    // Small batches while the planner is close behind, bigger ones once well ahead.
    if (batch.length >= 32 || i - next < 64) flush();
  }
  flush();
  port.close();
}

const { port, ...data } = workerData as ReadAheadData & { port: MessagePort };
run(data, port);
