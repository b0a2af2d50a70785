// Bundler: `bundle install` moved before the rest of the sources. No cache mount: bundler installs
// the gems into the image, and keeps no download cache worth one.
import type { RunView } from './builder';
import { moveInstall } from './deps';
import type { DepsPlan, PassState, Refusal, Toolchain } from './toolchain';

const isBundleInstall = (argv: readonly string[]) =>
  argv[0] === 'bundle' && (argv[1] === undefined || argv[1] === 'install' || argv[1].startsWith('-'));

/** Gemfile constructs that read other files of the sources. */
const READS_FILES = /\bgemspec\b|\bpath\s*:|:path\s*=>|\beval_gemfile\b|\bFile\.|\brequire_relative\b|\bfile\s*:|\bload\b|\bIO\./;

function depsFirst(state: PassState): DepsPlan | Refusal | null {
  const { view, ctx } = state;
  const copy = view.copyAll!;
  const after = view.runs.filter((r) => view.indexOf.get(r.ins)! > copy.index);
  let run: RunView | undefined;
  for (const r of after) {
    const k = r.commands?.findIndex((c) => isBundleInstall(c.argv)) ?? -1;
    if (k > 0) return { refuse: `line ${r.ins.line} runs bundle install after other commands` };
    if (k === 0) { run = r; break; }
  }
  if (!run) return null;
  if (view.stage.body.slice(0, copy.index).some((i) => i.keyword === 'COPY' && /\bGemfile\b/.test(i.argsText))) return null;
  const gemfile = ctx.readText('Gemfile');
  if (gemfile === null) return { refuse: 'no Gemfile at the context root' };
  const code = gemfile.split(/\r?\n/).map((l) => l.replace(/#.*$/, '')).join('\n');
  const m = READS_FILES.exec(code);
  if (m) return { refuse: `the Gemfile reads other files of the sources (${m[0].trim()})` };
  for (const f of ['.bundle', 'vendor/bundle', 'vendor/cache', 'gems.rb']) {
    if (ctx.kind(f) !== null) return { refuse: `the context holds ${f}, which bundle install reads or writes` };
  }
  const manifests = ['Gemfile', ...(ctx.kind('Gemfile.lock') === 'file' ? ['Gemfile.lock'] : [])];
  const between = (r: RunView) => (r.commands ?? []).length > 0 && r.commands!.every((c) =>
    (c.argv[0] === 'bundle' && c.argv[1] === 'config') || (c.argv[0] === 'gem' && c.argv[1] === 'install' && c.argv.slice(2).every((w) => !w.includes('/') && !w.endsWith('.gem'))));
  return moveInstall(state, run, manifests, between);
}

export const rubyToolchain: Toolchain = {
  name: 'bundler',
  invokes: (argv) => argv[0] === 'bundle',
  caches: [],
  noCaches: 'bundler installs the gems into the image; it keeps no download cache worth a mount',
  officialImage: /^(docker\.io\/)?(library\/)?ruby$/,
  depsFirst,
  noCross: 'a Ruby image builds on the platform it runs on (cross-compilation is for Go)',
};
