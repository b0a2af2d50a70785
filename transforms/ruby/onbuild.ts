// Pass one for `ruby:<ver>-onbuild` and `rails:*onbuild`: write out what the onbuild image did
// (shared/design/ONBUILD.md) on the plain ruby image of the same version.
import { withoutDigest } from '../../src/image-ref';
import { msg } from '../../src/messages';
import type { Message } from '../../src/types';
import { isOnbuildTag, writeOutOnbuild } from '../shared/interpreted/onbuild';
import type { Expansion, OnbuildImage } from '../shared/interpreted/onbuild';
import type { TransformInput } from '../types';

const APP = '/usr/src/app';
const TRIGGERS = [`WORKDIR ${APP}`, `COPY Gemfile ${APP}/`, `COPY Gemfile.lock ${APP}/`, 'RUN bundle install', `COPY . ${APP}`];
const FROZEN = 'RUN bundle config --global frozen 1';
const RAILS_APT = [
  'RUN apt-get update && apt-get install -y nodejs --no-install-recommends && rm -rf /var/lib/apt/lists/*',
  'RUN apt-get update && apt-get install -y mysql-client postgresql-client sqlite3 --no-install-recommends && rm -rf /var/lib/apt/lists/*',
];

/** What `ruby:<tag>` / `rails:<tag>` (an onbuild tag) was. */
export function rubyOnbuildImage(name: string, rawImage: string, tag: string): OnbuildImage {
  const repo = rawImage.replace(/:[^:/@]*(@.*)?$/, '');
  const version = tag.replace(/-?onbuild$/, '');
  if (name === 'rails') {
    // rails:onbuild was built on ruby:2.3; it installed its apt packages before the triggers ran.
    return {
      builder: `${repo.replace(/rails$/, 'ruby')}:2.3`, before: [FROZEN, ...RAILS_APT], triggers: TRIGGERS, expose: 'EXPOSE 3000',
      cmd: ['rails', 'server', '-b', '0.0.0.0'],
    };
  }
  // The last ruby onbuild images were 2.4: bare `onbuild` and `2-onbuild` meant 2.4.
  const v = version === '' || version === '2' ? '2.4' : version;
  return { builder: `${repo}:${v}`, before: [FROZEN], triggers: TRIGGERS, expose: null, cmd: null };
}

export function expandRubyOnbuild(input: TransformInput): Expansion | { skip: Message } | null {
  const { stage, base, baseRaw } = input;
  if (!isOnbuildTag(base.tag)) return null;
  const noDigest = withoutDigest(baseRaw);
  if (/\$/.test(noDigest)) return { skip: msg('onbuild/variable-tag', { image: baseRaw }, stage.from.line) };
  return writeOutOnbuild(input, rubyOnbuildImage(base.name, noDigest, base.tag as string));
}
