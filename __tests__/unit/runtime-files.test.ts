import { MAX_RUNTIME_PIECES, isBuildOnly, runtimeFiles } from '../../transforms/go/runtime-files';
import type { ContextCopy } from '../../transforms/shared/context-map';

const copyAll = (dest: string): ContextCopy => ({ sources: [''], dest, destIsDir: true, line: 3 });

describe('isBuildOnly', () => {
  test.each([
    ['main.go', true], ['internal/db/db.go', true], ['go.mod', true], ['sub/go.sum', true], ['go.work', true], ['lib.c', true], ['x.syso', true],
    ['Dockerfile', true], ['Dockerfile.dev', true], ['api.Dockerfile', true], ['.dockerignore', true], ['.gitignore', true], ['.godir', true],
    ['README.md', true], ['LICENSE', true], ['Makefile', true], ['build.mk', true], ['docs/guide.md', true], ['.golangci.yml', true],
    ['docker-compose.yml', true], ['compose.yaml', true], ['vendor/modules.txt', true], ['testdata/in.json', true], ['.github/workflows/ci.yml', true],
    ['templates/index.html', false], ['static/site.css', false], ['migrations/001.sql', false], ['config.yaml', false], ['.env.example', false],
    // CI services, deploy specs and project documents
    ['.gitlab-ci.yml', true], ['.drone.yml', true], ['appveyor.yml', true], ['azure-pipelines.yml', true], ['bitbucket-pipelines.yml', true],
    ['.buildkite/pipeline.yml', true], ['codecov.yml', true], ['renovate.json', true], ['skaffold.yaml', true], ['OWNERS', true], ['CODE_OF_CONDUCT.md', true],
    ['k8s/deployment.yaml', true], ['helm/app/Chart.yaml', true], ['deployments/docker-compose.yaml', true], ['hack/verify.sh', true],
    // deploy-folder names below the top are packages whose files the program may read
    ['internal/k8s/templates/job.yaml', false], ['pkg/helm/values.tmpl', false], ['Procfile', false], ['scripts/start.sh', false],
  ])('%s → %s', (p, expected) => expect(isBuildOnly(p, [])).toBe(expected));

  test('embedded folders and globs are build-only', () => {
    expect(isBuildOnly('assets/logo.svg', ['assets'])).toBe(true);
    expect(isBuildOnly('assets/deep/x.png', ['assets/'])).toBe(true);
    expect(isBuildOnly('tmpl/a.html', ['tmpl/*.html'])).toBe(true);
    expect(isBuildOnly('tmpl/sub/a.html', ['tmpl/*.html'])).toBe(false);
    expect(isBuildOnly('assetsx/a', ['assets'])).toBe(false);
  });
});

describe('runtimeFiles', () => {
  const files = [
    '.github/workflows/ci.yml', 'Makefile', 'README.md', 'assets/logo.svg', 'config.yaml', 'go.mod', 'go.sum',
    'internal/db/db.go', 'internal/db/migrations/001.sql', 'main.go', 'static/a.css', 'templates/index.html', 'testdata/x.json', 'vendor/modules.txt',
  ];

  test('COPY . /app: runtime folders whole, single files, sources and embedded files left out', () => {
    const r = runtimeFiles([copyAll('/app')], files, ['assets'], new Set(['/app/server']));
    expect(r).toEqual({
      paths: ['/app/config.yaml', '/app/internal/db/migrations', '/app/static', '/app/templates'],
      embedded: ['assets'],
      wholeDir: null,
    });
  });

  test('the built binary itself is excluded', () => {
    const r = runtimeFiles([copyAll('/app')], ['main.go', 'server'], [], new Set(['/app/server']));
    expect(r.paths).toEqual([]);
  });

  test('never climbs into a shared folder: COPY config.yaml /etc/', () => {
    const r = runtimeFiles([{ sources: ['config.yaml'], dest: '/etc/', destIsDir: true, line: 2 }], files, [], new Set());
    expect(r.paths).toEqual(['/etc/config.yaml']);
  });

  test('COPY templates ./templates copies that folder', () => {
    const r = runtimeFiles([{ sources: ['templates'], dest: '/app/templates', destIsDir: true, line: 2 }], files, [], new Set());
    expect(r.paths).toEqual(['/app/templates']);
  });

  test('later copies win for the same image path', () => {
    const r = runtimeFiles(
      [
        { sources: ['config.yaml'], dest: '/app/conf', destIsDir: false, line: 2 },
        { sources: ['main.go'], dest: '/app/conf', destIsDir: false, line: 3 },
      ],
      files, [], new Set(),
    );
    expect(r.paths).toEqual([]);
  });

  test(`more than ${MAX_RUNTIME_PIECES} pieces: the copy destinations instead`, () => {
    const many = ['main.go', ...Array.from({ length: MAX_RUNTIME_PIECES + 1 }, (_, i) => `conf${String(i).padStart(2, '0')}.yaml`)];
    const r = runtimeFiles([copyAll('/app')], many, [], new Set());
    expect(r).toEqual({ paths: ['/app'], embedded: [], wholeDir: '/app' });
  });

  test('nothing copied from the context: nothing to carry', () => {
    expect(runtimeFiles([], files, [], new Set())).toEqual({ paths: [], embedded: [], wholeDir: null });
  });
});
