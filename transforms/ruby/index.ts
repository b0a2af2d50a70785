// The Ruby transform (not written yet: matches nothing).
import type { Transform } from '../types';

export const rubyTransform: Transform<null> = {
  id: 'ruby',
  matches: () => false,
  gather: () => null,
  plan: () => ({ kind: 'skip', messages: [] }),
};
