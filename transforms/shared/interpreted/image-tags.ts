// Tags of the official interpreter images (python, pypy, ruby): version, variant, and the slim
// runtime tag of the same version and C library (glibc builders → `-slim`, alpine → the same alpine).

export const DEBIAN_RELEASES = ['trixie', 'bookworm', 'bullseye', 'buster', 'stretch', 'jessie', 'wheezy'];

export interface TagParts {
  /** `3.11.4`, `3`, or '' for `latest` / no tag. */
  version: string;
  /** What follows the version: `slim`, `slim-bookworm`, `alpine3.19`, `bookworm`, `onbuild`, … */
  variant: string;
}

export function tagParts(tag: string | null): TagParts {
  const t = tag ?? 'latest';
  if (t === 'latest') return { version: '', variant: '' };
  // pypy tags carry two versions: `3.10-7.3.17-slim`.
  const m = /^(\d+(?:\.\d+)*(?:[a-z]+\d*)?(?:-\d+\.\d+(?:\.\d+)*)?)(?:-(.*))?$/.exec(t);
  if (m) return { version: m[1], variant: m[2] ?? '' };
  return { version: '', variant: t };
}

export type RuntimeTag =
  | { ok: true; tag: string; libc: 'glibc' | 'musl'; sameAsBuilder: boolean }
  | { ok: false; reason: 'windows' | 'variant' };

/** The slim tag of the same version (and Debian release or alpine version) as the builder's tag. */
export function slimTagOf(tag: string | null): RuntimeTag {
  const { version, variant } = tagParts(tag);
  const join = (v: string) => (version ? (v ? `${version}-${v}` : version) : v || 'latest');
  if (/windowsservercore|nanoserver/.test(variant)) return { ok: false, reason: 'windows' };
  if (variant === '') return { ok: true, tag: join('slim'), libc: 'glibc', sameAsBuilder: false };
  if (/^alpine(\d+\.\d+)?$/.test(variant)) return { ok: true, tag: join(variant), libc: 'musl', sameAsBuilder: true };
  if (/^slim(-[a-z]+)?$/.test(variant)) return { ok: true, tag: join(variant), libc: 'glibc', sameAsBuilder: true };
  if (DEBIAN_RELEASES.includes(variant)) return { ok: true, tag: join(`slim-${variant}`), libc: 'glibc', sameAsBuilder: false };
  return { ok: false, reason: 'variant' };
}

/** Major version of a tag (`3.11` → 3), or null when the tag names none. */
export function majorOf(tag: string | null): number | null {
  const m = /^(\d+)/.exec(tagParts(tag).version);
  return m ? Number(m[1]) : null;
}
