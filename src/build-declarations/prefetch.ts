// Compose and bake files in the working folder and the folders above it (up to the repository
// root) are read, parsed and turned into declarations on another thread while the main thread discovers the Dockerfiles: a
// compose file naming thousands of services then costs the batch almost nothing. Any file not
// taken from here is read by loadDeclarations itself.
import * as fs from 'fs';
import * as path from 'path';
import { BAKE_HCL, BAKE_JSON } from './bake';
import { COMPOSE_FILE } from './compose';
import type { FolderDeclarations } from './index';

/** Each folder's declarations, by folder. */
export type Prefetched = Map<string, FolderDeclarations>;

export interface Prefetch {
  /** Waits for the thread (bounded) and gives its parses, or null. */
  take(): Prefetched | null;
}

const WORKER_FILE = path.join(__dirname, 'prefetch-worker.js');
const WAIT_MS = 10_000;

/** Starts the thread when the working folder or one above it holds a compose or bake file. */
export function prefetchDeclarations(cwd: string): Prefetch | null {
  const folders: [string, string[]][] = [];
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      names = [];
    }
    const wanted = names.filter((n) => COMPOSE_FILE.test(n) || BAKE_JSON.test(n) || BAKE_HCL.test(n));
    if (wanted.length) folders.push([dir, wanted]);
    if (names.includes('.git') || path.dirname(dir) === dir) break;
  }
  if (!folders.length || !fs.existsSync(WORKER_FILE)) return null;
  const wt = require('worker_threads') as typeof import('worker_threads');
  const state = new SharedArrayBuffer(4);
  const { port1, port2 } = new wt.MessageChannel();
  let worker: import('worker_threads').Worker;
  try {
    worker = new wt.Worker(WORKER_FILE, { workerData: { folders, port: port2, state }, transferList: [port2], stdout: true, stderr: true });
  } catch {
    port1.close();
    return null;
  }
  worker.unref();
  // A thread that fails only means the main thread parses for itself.
  worker.on('error', () => undefined);
  return {
    take() {
      const shared = new Int32Array(state);
      if (Atomics.load(shared, 0) === 0) Atomics.wait(shared, 0, 0, WAIT_MS);
      const got = wt.receiveMessageOnPort(port1);
      port1.close();
      void worker.terminate();
      if (!got) return null;
      return new Map(JSON.parse(got.message as string) as [string, FolderDeclarations][]);
    },
  };
}
