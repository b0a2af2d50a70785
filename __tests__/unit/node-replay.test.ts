import { parseDockerfile } from '../../src/dockerfile';
import { gatherNodeFacts } from '../../transforms/node/facts';
import { locateApp } from '../../transforms/node/plan';
import { replayStage } from '../../transforms/node/replay';
import { memoryContext } from '../../src/context';

function replay(text: string, files: Record<string, string> = { 'package.json': '{}' }) {
  const file = parseDockerfile(text);
  const facts = gatherNodeFacts(memoryContext(files), true);
  return { r: replayStage(file, file.stages[0], facts), facts };
}

describe('replayStage', () => {
  test('installs, prod-only installs, scripts and prunes', () => {
    const { r } = replay([
      'FROM node:20', 'WORKDIR /app', 'ENV NODE_ENV=production', 'COPY . .',
      'RUN npm ci && npm run build && npx tsc -p . && NODE_ENV=development yarn install --frozen-lockfile',
      'RUN pnpm install --prod && npm prune --omit=dev && npm install -g pm2@5',
    ].join('\n') + '\n');
    expect(r.installs.map((i) => [i.manager, i.prodOnly, i.global, i.packages])).toEqual([
      ['npm', 'NODE_ENV=production', false, []],
      ['yarn', null, false, []],
      ['pnpm', '--prod', false, []],
      ['npm', 'NODE_ENV=production', true, ['pm2@5']],
    ]);
    expect(r.scripts.map((s) => s.script ?? s.words.join(' '))).toEqual(['build', 'npx tsc -p .']);
    expect(r.prunes.map((p) => p.manager)).toEqual(['npm']);
    expect(r.workdir).toBe('/app');
  });

  test('cd in a RUN changes where the command runs', () => {
    const { r } = replay('FROM node:20\nWORKDIR /app\nRUN cd web && npm ci --omit=dev\n');
    expect(r.installs[0]).toMatchObject({ cwd: '/app/web', prodOnly: '--omit=dev' });
  });

  test('system packages, writes outside the app, chown', () => {
    const { r } = replay([
      'FROM node:20',
      'RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ libvips-dev && rm -rf /var/lib/apt/lists/*',
      'WORKDIR /app',
      'RUN mkdir -p /data /tmp/x && echo hi > /etc/motd && chown -R node:node /app .',
      'RUN npm ci > /dev/null',
    ].join('\n') + '\n');
    expect(r.systemPackages.map((s) => s.packages)).toEqual([['python3', 'make', 'g++', 'libvips-dev']]);
    // Paths inside the app are recorded too: the plan compares them with the app folder.
    expect(r.outside.map((o) => o.path)).toEqual(['/data', '/etc/motd', '/app']);
    expect(r.chowns.map((c) => [c.owner, c.path])).toEqual([['node:node', '/app'], ['node:node', '/app']]);
  });

  test('heredoc RUNs are not analysed', () => {
    const { r } = replay('FROM node:20\nRUN <<EOF\nnpm ci\nEOF\n');
    expect(r.heredocRuns).toHaveLength(1);
  });

  test('the app is where its package.json lands; vendored packages below it are not the app', () => {
    const files = { 'package.json': '{"name":"app"}', 'vendor/x/package.json': '{"name":"x"}', 'vendor/x/index.js': '', 'server.js': '' };
    const { r, facts } = replay('FROM node:20\nWORKDIR /srv\nCOPY . .\n', files);
    const app = locateApp(r, facts);
    expect(app?.dir).toBe('/srv');
    expect(app?.pkg.dir).toBe('');
    expect(app?.files).toEqual(['package.json', 'server.js', 'vendor/x/index.js', 'vendor/x/package.json']);
  });
});
