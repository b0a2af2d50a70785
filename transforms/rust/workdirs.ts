// The runtime stage needs only the working directory the program starts in: a repeated WORKDIR
// that a later absolute WORKDIR overrides would just create an empty folder.
import { joinContinuations } from '../shared/instructions';
import type { Carried } from '../shared/split';

export function dropOverriddenWorkdirs(carried: Carried[], escape: string): Carried[] {
  return carried.filter((c, k) => {
    if (c.ins.keyword !== 'WORKDIR' || c.move) return true;
    return !carried.slice(k + 1).some((l) => l.ins.keyword === 'WORKDIR' && joinContinuations(l.ins.argsText, escape).trim().startsWith('/'));
  });
}
