// The Rust transform (not written yet: matches nothing).
import type { Transform } from '../types';

export const rustTransform: Transform<null> = {
  id: 'rust',
  matches: () => false,
  gather: () => null,
  plan: () => ({ kind: 'skip', messages: [] }),
};
