// The runtime user: an explicit USER is kept as written (with its passwd entry when the runtime
// image does not know the name); an implicit root becomes non-root 65532 unless told otherwise.
import type { Instr } from '../../src/dockerfile';
import { msg } from '../../src/messages';
import type { Message, UserPolicy } from '../../src/types';
import type { RuntimeBase } from './runtime-bases';

export interface UserPlan {
  copies: { src: string; dest: string }[];
  lines: string[];
  messages: Message[];
  /** The user stageify runs the program as in place of an implicit root, or null (kept as it was). */
  owner: string | null;
}

export function planRuntimeUser(users: readonly Instr[], rt: RuntimeBase, policy: UserPolicy): UserPlan {
  const plan: UserPlan = { copies: [], lines: [], messages: [], owner: null };
  if (users.length) {
    const last = users[users.length - 1];
    const value = last.argsText.trim();
    plan.messages.push(msg('runtime/user-kept', { user: value }, last.line));
    const names = value.split(':').filter((n) => n && !/^\d+$/.test(n) && !n.includes('$'));
    const known = rt.users;
    if (known && names.some((n) => !known.has(n))) {
      plan.copies.push({ src: '/etc/passwd', dest: '/etc/passwd' }, { src: '/etc/group', dest: '/etc/group' });
      plan.messages.push(msg('runtime/passwd-copied', { user: value }, last.line));
    }
  } else if (policy === 'nonroot') {
    const user = rt.nonrootUser ?? '65532:65532';
    if (!rt.nonrootByDefault) plan.lines.push(`USER ${user}`);
    plan.owner = rt.nonrootByDefault ? '65532:65532' : user.includes(':') ? user : `${user}:${user}`;
    plan.messages.push(msg('runtime/nonroot-user', { user: rt.nonrootByDefault ? '65532' : user }));
  } else if (rt.nonrootByDefault) {
    plan.lines.push('USER root');
  }
  return plan;
}
