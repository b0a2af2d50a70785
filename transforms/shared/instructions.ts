// Reading instruction arguments the parser gets wrong or does not give: exec-form JSON,
// COPY sources and destination, ENV/ARG properties, joined continuation lines.
import { instrProperties } from '../../src/dockerfile';
import type { Instr, Property } from '../../src/dockerfile';

import { readExecForm } from '../../src/exec-form';
import { joinContinuations, splitFlags } from '../../src/instruction-text';

export { joinContinuations, splitFlags };

/** Exec-form arguments (`["a", "b"]`) decoded exactly, or null for shell form. */
export function execForm(text: string): string[] | null {
  const r = readExecForm(text);
  return r.kind === 'exec' ? r.argv : null;
}

export interface CommandForm {
  exec: string[] | null;
  /** Shell text (continuations joined) when not exec form. */
  shell: string | null;
}

export function commandForm(argsText: string, escape: string): CommandForm {
  const joined = joinContinuations(argsText, escape);
  const exec = execForm(joined);
  return exec ? { exec, shell: null } : { exec: null, shell: joined.trim() };
}

export interface CopyInfo {
  from: string | null;
  sources: string[];
  dest: string;
  json: boolean;
}

export function copyInfo(ins: Instr, escape: string): CopyInfo | null {
  const { flags, rest } = splitFlags(joinContinuations(ins.argsText, escape));
  let parts: string[] | null = execForm(rest);
  const json = parts !== null;
  if (!parts) parts = rest.split(/\s+/).filter(Boolean);
  if (parts.length < 2) return null;
  return { from: flags.get('from') ?? null, sources: parts.slice(0, -1), dest: parts[parts.length - 1], json };
}

export type { Property };
/** ENV and ARG name/value pairs as Docker reads them (read once per instruction). */
export { instrProperties as properties };

/** The plain words of an instruction's arguments (flags excluded). */
export function words(ins: Instr): string[] {
  return ins.node.getArguments().map((a) => a.getValue());
}

/** HEALTHCHECK: offset where the command after `CMD` starts, or null for NONE. */
export function healthcheckCommandStart(ins: Instr, text: string): number | null {
  const m = /(^|\s)CMD(\s|$)/i.exec(ins.argsText);
  if (!m) return null;
  let off = ins.argsStart + m.index + m[1].length + 3;
  while (off < ins.end && (text[off] === ' ' || text[off] === '\t')) off++;
  return off;
}
