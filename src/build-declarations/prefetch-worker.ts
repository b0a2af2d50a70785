// The thread that reads the compose and bake files above the working folder while the main thread
// discovers Dockerfiles (see prefetch.ts). Results go back as JSON text.
import { workerData } from 'worker_threads';
import type { MessagePort } from 'worker_threads';
import { folderDeclarations } from './index';

const { folders, port, state } = workerData as { folders: [string, string[]][]; port: MessagePort; state: SharedArrayBuffer };
port.postMessage(JSON.stringify(folders.map(([dir, names]) => [dir, folderDeclarations(dir, names)])));
const shared = new Int32Array(state);
Atomics.store(shared, 0, 1);
Atomics.notify(shared, 0);
