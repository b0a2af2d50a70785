// Which instructions of the original stage the runtime stage gets: runtime-only ones move there,
// ENV, WORKDIR and USER are repeated, and ARGs are repeated where the carried lines use them.
import type { Instr } from '../../src/dockerfile';
import { referencedVars } from '../../src/image-ref';
import { properties } from './instructions';
import { MOVED_KEYWORDS } from './split';
import type { Carried } from './split';

/**
 * @param toolchainEnv variables that only steer the build toolchain (names, or a predicate): an
 *   ENV that sets nothing else is not repeated.
 * @param overrides replacement texts (exec form, compiled `go run`, …) of moved instructions.
 */
export function carryInstructions(
  body: readonly Instr[], text: string, toolchainEnv: ReadonlySet<string> | ((name: string) => boolean), overrides: ReadonlyMap<Instr, string> = new Map(),
): Carried[] {
  const isToolchain = typeof toolchainEnv === 'function' ? toolchainEnv : (n: string) => toolchainEnv.has(n);
  const out: Carried[] = [];
  // A WORKDIR that a later absolute WORKDIR replaces would only make an empty folder.
  let lastAbsoluteWorkdir = -1;
  body.forEach((ins, k) => {
    if (ins.keyword === 'WORKDIR' && ins.argsText.trim().startsWith('/')) lastAbsoluteWorkdir = k;
  });
  body.forEach((ins, k) => {
    if (MOVED_KEYWORDS.has(ins.keyword)) out.push({ ins, move: true, text: overrides.get(ins) });
    else if (ins.keyword === 'ENV') {
      if (!properties(ins).every((p) => isToolchain(p.name))) out.push({ ins, move: false });
    } else if (ins.keyword === 'USER') out.push({ ins, move: false });
    else if (ins.keyword === 'WORKDIR' && k >= lastAbsoluteWorkdir) out.push({ ins, move: false });
  });
  const used = new Set<string>();
  for (const c of out) for (const v of referencedVars(c.text ?? text.slice(c.ins.start, c.ins.end))) used.add(v);
  const args = body.filter((i) => i.keyword === 'ARG' && properties(i).some((p) => used.has(p.name)));
  return [...out, ...args.map((ins) => ({ ins, move: false }))].sort((a, b) => a.ins.start - b.ins.start);
}

