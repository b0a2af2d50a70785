// The Dotnet transform (not written yet: matches nothing).
import type { Transform } from '../types';

export const dotnetTransform: Transform<null> = {
  id: 'dotnet',
  matches: () => false,
  gather: () => null,
  plan: () => ({ kind: 'skip', messages: [] }),
};
