// Pass one for `python:<ver>-onbuild`, `pypy:<ver>-onbuild` and `django:*onbuild`: write out what
// the onbuild image did (shared/design/ONBUILD.md) on the plain image of the same version. The
// result is an ordinary single-stage Dockerfile that pass two splits.
import { withoutDigest } from '../../src/image-ref';
import { msg } from '../../src/messages';
import type { Message } from '../../src/types';
import { isOnbuildTag, writeOutOnbuild } from '../shared/interpreted/onbuild';
import type { Expansion, OnbuildImage } from '../shared/interpreted/onbuild';
import type { TransformInput } from '../types';

const APP = '/usr/src/app';
const DJANGO_APT =
  'RUN apt-get update && apt-get install -y gcc gettext mysql-client libmysqlclient-dev postgresql-client libpq-dev sqlite3 --no-install-recommends && rm -rf /var/lib/apt/lists/*';

function pipTriggers(noCache: boolean): string[] {
  return [`WORKDIR ${APP}`, `COPY requirements.txt ${APP}/`, `RUN pip install${noCache ? ' --no-cache-dir' : ''} -r requirements.txt`, `COPY . ${APP}`];
}

/** What `<name>:<tag>` (an onbuild tag) was, or a reason it cannot be told. */
export function onbuildImage(name: string, rawImage: string, tag: string): OnbuildImage | { unknown: string } {
  const repo = rawImage.replace(/:[^:/@]*(@.*)?$/, '');
  const version = tag.replace(/-?onbuild$/, '');
  if (name === 'python') {
    // The last onbuild images were 3.6 and 2.7: bare `onbuild` and `3-onbuild` were 3.6.
    const v = version === '' || version === '3' ? '3.6' : version === '2' ? '2.7' : version;
    return { builder: `${repo}:${v}`, before: [], triggers: pipTriggers(true), expose: null, cmd: null };
  }
  if (name === 'pypy') {
    if (version === '') return { unknown: 'pypy:onbuild does not say whether it was PyPy 2 or 3; write pypy:2-onbuild or pypy:3-onbuild' };
    return { builder: `${repo}:${version}`, before: [], triggers: pipTriggers(false), expose: null, cmd: null };
  }
  // django: `onbuild` / `python3-onbuild` were built on python:3.4, `python2-onbuild` on python:2.7.
  const py = /python2/.test(version) ? '2.7' : '3.4';
  const pyRepo = repo.replace(/django$/, 'python');
  return {
    builder: `${pyRepo}:${py}`, before: [DJANGO_APT], triggers: pipTriggers(true), expose: 'EXPOSE 8000',
    cmd: ['python', 'manage.py', 'runserver', '0.0.0.0:8000'],
  };
}

export function expandPythonOnbuild(input: TransformInput): Expansion | { skip: Message } | null {
  const { stage, base, baseRaw } = input;
  if (!isOnbuildTag(base.tag)) return null;
  const noDigest = withoutDigest(baseRaw);
  if (/\$/.test(noDigest)) return { skip: msg('onbuild/variable-tag', { image: baseRaw }, stage.from.line) };
  const known = onbuildImage(base.name, noDigest, base.tag as string);
  if ('unknown' in known) return { skip: msg('python/onbuild-version-unknown', { reason: known.unknown }, stage.from.line) };
  return writeOutOnbuild(input, known);
}
