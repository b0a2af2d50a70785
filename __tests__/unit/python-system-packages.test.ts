import { parseDockerfile } from '../../src/dockerfile';
import { walkStage } from '../../transforms/shared/interpreted/stage-walk';
import { installLine, removedPackages, splitPackages, systemInstalls } from '../../transforms/shared/interpreted/system-packages';

function commands(text: string) {
  const file = parseDockerfile(text);
  return walkStage(file, file.stages[0], [], [['PATH', '/usr/bin']]).commands;
}

describe('system packages', () => {
  test('apt-get install: build tools dropped, the rest kept in order', () => {
    const cmds = commands('FROM python:3.11\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n  gcc g++-12 libpq-dev -o Dpkg::Options::=--force-confnew postgresql-client \\\n  && rm -rf /var/lib/apt/lists/*\n');
    const installs = systemInstalls(cmds);
    expect(installs).toEqual([{ manager: 'apt', packages: ['gcc', 'g++-12', 'libpq-dev', 'postgresql-client'], line: 2 }]);
    expect(splitPackages(installs)).toEqual({ manager: 'apt', runtime: ['libpq-dev', 'postgresql-client'], dropped: ['gcc', 'g++-12'], mixed: false });
  });

  test('apk --virtual groups deleted later are not repeated', () => {
    const cmds = commands('FROM python:3.11-alpine\nRUN apk add --no-cache libpq && apk add --no-cache --virtual .build-deps gcc musl-dev postgresql-dev \\\n && pip install psycopg2 && apk del .build-deps\n');
    const split = splitPackages(systemInstalls(cmds), removedPackages(cmds));
    expect(split.runtime).toEqual(['libpq']);
    expect(split.dropped).toEqual([]);
  });

  test('apt and apk in one stage are reported as mixed', () => {
    const cmds = commands('FROM python:3.11\nRUN apt-get install -y curl\nRUN apk add curl\n');
    expect(splitPackages(systemInstalls(cmds)).mixed).toBe(true);
  });

  test('install lines', () => {
    expect(installLine('apk', ['libpq', 'tzdata'])).toBe('RUN apk add --no-cache libpq tzdata');
    expect(installLine('apt', ['libpq5'])).toBe('RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*');
  });
});
