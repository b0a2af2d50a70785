// The Node transform (not written yet: matches nothing).
import type { Transform } from '../types';

export const nodeTransform: Transform<null> = {
  id: 'node',
  matches: () => false,
  gather: () => null,
  plan: () => ({ kind: 'skip', messages: [] }),
};
