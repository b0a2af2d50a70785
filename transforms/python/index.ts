// The Python transform (not written yet: matches nothing).
import type { Transform } from '../types';

export const pythonTransform: Transform<null> = {
  id: 'python',
  matches: () => false,
  gather: () => null,
  plan: () => ({ kind: 'skip', messages: [] }),
};
