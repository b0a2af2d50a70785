// Public API of stageify. (Engine wiring lands here; the signatures below are stable.)
import type { FileResult, PlanOptions, TransformOptions } from './types';
export type * from './types';

export interface TransformInput extends TransformOptions {
  /** Build context folder, when there is one. */
  context?: string;
  /** Path used in messages. */
  path?: string;
}

/** Plans the rewrite of one Dockerfile given as text. Never throws for bad input: status 'error'. */
export function transformDockerfile(text: string, input: TransformInput = {}): FileResult {
  return {
    path: input.path ?? '-', status: 'unchanged', messages: [], original: text, output: text,
    encoding: 'utf8', edits: [],
  };
}

/** Reads a Dockerfile (and its build context) from disk and plans its rewrite. Never throws. */
export function planFile(path: string, options: PlanOptions = {}): FileResult {
  const fs = require('fs') as typeof import('fs');
  const text = fs.readFileSync(path, 'utf8');
  return { ...transformDockerfile(text, { ...options, path }), path };
}
