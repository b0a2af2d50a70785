// The Java transform (not written yet: matches nothing).
import type { Transform } from '../types';

export const javaTransform: Transform<null> = {
  id: 'java',
  matches: () => false,
  gather: () => null,
  plan: () => ({ kind: 'skip', messages: [] }),
};
