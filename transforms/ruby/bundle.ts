// Where a Ruby stage installs gems: `bundle install` and `gem install` into GEM_HOME
// (/usr/local/bundle in the official images), or a bundle path the file sets.
import * as posix from 'path/posix';
import type { Instr } from '../../src/dockerfile';
import type { StageCommand, StageWalk } from '../shared/interpreted/stage-walk';
import { programName } from '../shared/interpreted/stage-walk';

export const GEM_HOME = '/usr/local/bundle';

export interface BundleInstall {
  cmd: StageCommand;
  /** Bundle path outside GEM_HOME (`--path`, BUNDLE_PATH, deployment's vendor/bundle), absolute. */
  path: string | null;
  /** Groups left out (`--without`, BUNDLE_WITHOUT), as written. */
  without: string | null;
}

export interface RubyInstalls {
  bundles: BundleInstall[];
  gems: StageCommand[];
  /** `bundle config` settings written by the file (path, without, deployment). */
  config: Map<string, string>;
  /**
   * Settings written to the user's global config (~/.bundle/config: `--global`, or no scope), which
   * the runtime user does not read: the runtime repeats them as BUNDLE_* variables.
   */
  globalConfig: Map<string, string>;
  unknown: { tool: string; ins: Instr }[];
}

export function rubyInstalls(walk: StageWalk): RubyInstalls {
  const out: RubyInstalls = { bundles: [], gems: [], config: new Map(), globalConfig: new Map(), unknown: [] };
  for (const c of walk.commands) {
    const prog = programName(c.argv);
    if (prog === 'bundle' || prog === 'bundler') {
      const sub = c.argv[1];
      if (sub === 'config') {
        const rest = c.argv.slice(2).filter((a) => !a.startsWith('--'));
        const kv = rest[0] === 'set' ? rest.slice(1) : rest;
        if (kv.length >= 2) {
          const key = kv[0].toLowerCase().replace(/^bundle_/, '');
          out.config.set(key, kv.slice(1).join(' '));
          if (!c.argv.includes('--local') && !c.argv.includes('--delete')) out.globalConfig.set(key, kv.slice(1).join(' '));
        }
      } else if (sub === 'install' || sub === undefined) {
        out.bundles.push(bundleInstall(c, out.config));
      }
    } else if (prog === 'gem' && c.argv[1] === 'install') {
      if (c.argv.some((a) => a === '-i' || a === '--install-dir' || a.startsWith('--install-dir=') || a === '--user-install')) {
        out.unknown.push({ tool: 'gem install into a custom folder', ins: c.ins });
      } else out.gems.push(c);
    }
  }
  return out;
}

function bundleInstall(c: StageCommand, config: Map<string, string>): BundleInstall {
  const args = c.argv.slice(2);
  const opt = (name: string): string | null => {
    const k = args.findIndex((a) => a === name || a.startsWith(name + '='));
    if (k < 0) return null;
    return args[k].includes('=') ? args[k].slice(args[k].indexOf('=') + 1) : args[k + 1] ?? null;
  };
  const deployment = args.includes('--deployment') || isTrue(c.env.get('BUNDLE_DEPLOYMENT')) || isTrue(config.get('deployment'));
  let path = opt('--path') ?? c.env.get('BUNDLE_PATH') ?? config.get('path') ?? (deployment ? 'vendor/bundle' : null);
  if (path !== null) path = posix.resolve(c.cwd, path);
  if (path === GEM_HOME) path = null;
  const without = opt('--without') ?? c.env.get('BUNDLE_WITHOUT') ?? config.get('without') ?? null;
  return { cmd: c, path, without };
}

function isTrue(v: string | undefined): boolean {
  return v !== undefined && /^(1|true|yes)$/i.test(v);
}

/** The environment variable Bundler reads for a setting (`build.nokogiri` → BUNDLE_BUILD__NOKOGIRI). */
export function settingVariable(key: string): string {
  return 'BUNDLE_' + key.toUpperCase().replace(/\./g, '__').replace(/-/g, '___');
}
