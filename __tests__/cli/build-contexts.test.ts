// Where each Dockerfile is built from, as the repository declares it (compose and bake files), and
// bases built in the same repository, through the real built binary (`npm run build` first).
import * as fs from 'fs';
import * as path from 'path';
import { makeTree, removeTree, run } from './helpers';
import type { Tree } from './helpers';

const roots: string[] = [];
afterAll(() => roots.forEach(removeTree));
function tree(t: Tree): string {
  const root = makeTree(t, 'stageify-ctx-');
  roots.push(root);
  return root;
}

interface FileEntry {
  path: string; status: string; baseBefore: string | null; baseAfter: string | null;
  messages: { id: string; text: string; severity: string }[];
  context: { path: string; source: string; detail: string | null } | null;
}
const report = (root: string, args: string[] = []) => {
  const r = run(['--format', 'json', ...args], { cwd: root });
  const files = (JSON.parse(r.stdout) as { files: FileEntry[] }).files;
  return { r, files, file: (p: string) => files.find((f) => f.path === p)! };
};
const ids = (f: FileEntry) => f.messages.map((m) => m.id);

const GO_MOD = 'module example.com/x\n\ngo 1.19\n';
const MAIN = 'package main\n\nfunc main() {}\n';
/** A Go service whose Dockerfile copies its sources from the repository root. */
const FROM_ROOT = (dir: string) => `FROM golang:1.19\nWORKDIR /app\nCOPY ${dir}/ ./\nCOPY shared/config.json ./config.json\nRUN go build -o /app/svc .\nCMD ["/app/svc"]\n`;
const OWN = 'FROM golang:1.19\nWORKDIR /src\nCOPY . .\nRUN go build -o /bin/svc .\nCMD ["/bin/svc"]\n';
const svc = (dir: string, dockerfile: string, name = 'Dockerfile'): Tree => ({
  [`${dir}/${name}`]: dockerfile, [`${dir}/main.go`]: MAIN, [`${dir}/go.mod`]: GO_MOD,
});

describe('compose files', () => {
  it('long form: context . with a dockerfile path; the runtime gets the files copied from the root', () => {
    const root = tree({
      'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      dockerfile: services/web/Dockerfile\n',
      'shared/config.json': '{}\n',
      ...svc('services/web', FROM_ROOT('services/web')),
    });
    const { r, file } = report(root);
    expect(r.code).toBe(0);
    const f = file('services/web/Dockerfile');
    expect(f.status).toBe('changed');
    expect(f.context).toEqual({ path: '.', source: 'compose', detail: 'compose.yaml service web' });
    const diff = run([], { cwd: root }).stdout;
    expect(diff).toContain('COPY --from=builder --chown=65532:65532 /app/config.json /app/config.json');
  });

  it('short form `build: path`, and a dockerfile relative to the context', () => {
    const root = tree({
      'docker-compose.yml': 'services:\n  a:\n    build: ./svc/a\n  b:\n    build:\n      context: svc\n      dockerfile: b/b.Dockerfile\n',
      ...svc('svc/a', OWN),
      ...svc('svc/b', 'FROM golang:1.19\nWORKDIR /src\nCOPY b/ .\nRUN go build -o /bin/svc .\nCMD ["/bin/svc"]\n', 'b.Dockerfile'),
    });
    const { file } = report(root);
    expect(file('svc/a/Dockerfile').context).toEqual({ path: 'svc/a', source: 'compose', detail: 'docker-compose.yml service a' });
    expect(file('svc/b/b.Dockerfile').context).toEqual({ path: 'svc', source: 'compose', detail: 'docker-compose.yml service b' });
    expect(file('svc/b/b.Dockerfile').status).toBe('changed');
  });

  it('an override file merges onto the compose file: its context wins', () => {
    const root = tree({
      'compose.yaml': 'services:\n  web:\n    build: services/web\n',
      'compose.override.yaml': 'services:\n  web:\n    build:\n      context: .\n      dockerfile: services/web/Dockerfile\n',
      'shared/config.json': '{}\n',
      ...svc('services/web', FROM_ROOT('services/web')),
    });
    const f = report(root).file('services/web/Dockerfile');
    expect(f.context).toEqual({ path: '.', source: 'compose', detail: 'compose.override.yaml service web' });
    expect(f.status).toBe('changed');
  });

  it('args feed the ARGs before FROM: a declared value wins over the default', () => {
    const root = tree({
      'compose.yaml': 'services:\n  a:\n    build:\n      context: a\n      args:\n        GO_VERSION: "1.21"\n',
      ...svc('a', 'ARG GO_VERSION=1.22\nFROM golang:${GO_VERSION}\nWORKDIR /src\nCOPY . .\nRUN go build -o /bin/svc .\nCMD ["/bin/svc"]\n'),
    });
    const f = report(root).file('a/Dockerfile');
    expect(f.status).toBe('changed');
    expect(f.baseBefore).toBe('golang:1.21');
  });

  it('args as a KEY=VALUE list, and an arg that changes an ARG of the stage: left alone, saying which', () => {
    const root = tree({
      'compose.yaml': 'services:\n  a:\n    build:\n      context: a\n      args: ["OUT=/srv/bin"]\n',
      ...svc('a', 'FROM golang:1.19\nARG OUT=/bin\nWORKDIR /src\nCOPY . .\nRUN go build -o $OUT/svc .\nCMD ["/bin/svc"]\n'),
    });
    const f = report(root).file('a/Dockerfile');
    expect(f.status).toBe('skipped');
    expect(ids(f)).toEqual(['context/declared-arg']);
    expect(f.messages[0].text).toContain('ARG OUT=/srv/bin, not the default /bin on line 2');
  });

  it('a declared target: left alone (after the split it would name the builder stage)', () => {
    const root = tree({
      'compose.yaml': 'services:\n  a:\n    build:\n      context: a\n      target: app\n',
      ...svc('a', OWN.replace('FROM golang:1.19', 'FROM golang:1.19 AS app')),
    });
    const f = report(root).file('a/Dockerfile');
    expect(f.status).toBe('skipped');
    expect(ids(f)).toEqual(['context/declared-target']);
  });

  it('additional_contexts are read with the build (the file is planned against its main context)', () => {
    const root = tree({
      'compose.yaml': 'services:\n  a:\n    build:\n      context: a\n      additional_contexts:\n        assets: ./assets\n',
      'assets/logo.txt': 'logo\n',
      ...svc('a', OWN),
    });
    const f = report(root).file('a/Dockerfile');
    expect(f.context?.source).toBe('compose');
    expect(f.status).toBe('changed');
  });

  it('one Dockerfile, two services with different contexts: the plans differ, so it is left alone', () => {
    const df = 'FROM golang:1.19\nWORKDIR /src\nCOPY . .\nRUN go build -o /bin/svc .\nCMD ["/bin/svc"]\n';
    const root = tree({
      'compose.yaml': 'services:\n  one:\n    build:\n      context: a\n      dockerfile: ../docker/go.Dockerfile\n  two:\n    build:\n      context: b\n      dockerfile: ../docker/go.Dockerfile\n',
      'docker/go.Dockerfile': df,
      'a/main.go': MAIN, 'a/go.mod': GO_MOD,
      'b/main.go': MAIN, 'b/go.mod': GO_MOD, 'b/templates/x.html': '<p>\n',
    });
    const f = report(root).file('docker/go.Dockerfile');
    expect(f.status).toBe('skipped');
    expect(ids(f)).toEqual(['context/declarations-differ']);
    expect(f.messages[0].text).toContain('compose.yaml service one; compose.yaml service two');
  });

  it('one Dockerfile, two services whose plans are the same: one rewrite, both named', () => {
    const root = tree({
      'compose.yaml': 'services:\n  one:\n    build:\n      context: a\n      dockerfile: ../docker/go.Dockerfile\n  two:\n    build:\n      context: b\n      dockerfile: ../docker/go.Dockerfile\n',
      'docker/go.Dockerfile': OWN,
      'a/main.go': MAIN, 'a/go.mod': GO_MOD,
      'b/main.go': MAIN, 'b/go.mod': GO_MOD,
    });
    const f = report(root).file('docker/go.Dockerfile');
    expect(f.status).toBe('changed');
    expect(f.context?.detail).toBe('compose.yaml service one; compose.yaml service two');
  });

  it('invalid YAML: a message naming the file and line; the batch goes on with the default context', () => {
    const root = tree({
      'compose.yaml': 'services:\n  web:\n    build: web\n   bad: x\n',
      ...svc('web', OWN),
    });
    const { r, file } = report(root);
    expect(r.code).toBe(0);
    const f = file('web/Dockerfile');
    expect(f.status).toBe('changed');
    expect(f.context).toEqual({ path: 'web', source: 'default', detail: null });
    const m = f.messages.find((x) => x.id === 'context/declarations-unreadable')!;
    expect(m.severity).toBe('warning');
    expect(m.text).toMatch(/^compose\.yaml:4: not valid YAML: bad indentation of a mapping entry; its builds are not known, so this file is planned against the default context$/);
    expect(run([], { cwd: root }).stderr).toContain('web/Dockerfile  context/declarations-unreadable  compose.yaml:4: not valid YAML');
  });
});

describe('bake files', () => {
  it('docker-bake.json targets: context, dockerfile, args, inherits', () => {
    const root = tree({
      'docker-bake.json': JSON.stringify({
        target: {
          common: { context: '.', args: { GO_VERSION: '1.21' } },
          web: { inherits: ['common'], dockerfile: 'services/web/Dockerfile', tags: ['acme/web:1'] },
        },
      }),
      'shared/config.json': '{}\n',
      ...svc('services/web', `ARG GO_VERSION=1.22\n${FROM_ROOT('services/web').replace('golang:1.19', 'golang:${GO_VERSION}')}`),
    });
    const f = report(root).file('services/web/Dockerfile');
    expect(f.context).toEqual({ path: '.', source: 'bake', detail: 'docker-bake.json target web' });
    expect(f.status).toBe('changed');
    expect(f.baseBefore).toBe('golang:1.21');
  });

  it('invalid bake JSON names the file and line', () => {
    const root = tree({ 'docker-bake.json': '{\n  "target": {\n    "x": ,\n  }\n}\n', ...svc('x', OWN) });
    const m = report(root).file('x/Dockerfile').messages.find((x) => x.id === 'context/declarations-unreadable')!;
    expect(m.text).toMatch(/^docker-bake\.json:3: not valid JSON/);
  });

  it('docker-bake.hcl is not read, and each file below it says so', () => {
    const root = tree({ 'docker-bake.hcl': 'target "x" {\n  context = "x"\n}\n', ...svc('x', OWN) });
    const f = report(root).file('x/Dockerfile');
    expect(f.status).toBe('changed');
    expect(f.context?.source).toBe('default');
    const m = f.messages.find((x) => x.id === 'context/declarations-unreadable')!;
    expect(m.text).toContain('docker-bake.hcl: bake files in HCL are not read');
  });
});

describe('bases built in the same repository', () => {
  const BASE = 'FROM golang:1.19\nENV APP_ENV=production\nWORKDIR /go/src/app\nONBUILD COPY . /go/src/app\nONBUILD RUN go build -o /go/bin/app .\nCMD ["app"]\n';
  const repo = (extra: Tree = {}): Tree => ({
    'compose.yaml': 'services:\n  base:\n    image: acme/go-onbuild:1\n    build: base\n  legacy:\n    build: legacy\n',
    'base/Dockerfile': BASE,
    ...svc('legacy', 'FROM acme/go-onbuild:1\n'),
    ...extra,
  });

  it('compose image + build: the triggers, ENV, WORKDIR and CMD are written out; the base is left alone', () => {
    const root = tree(repo());
    const { r, file } = report(root, ['--write']);
    expect(r.code).toBe(0);
    expect(file('base/Dockerfile').status).toBe('skipped');
    expect(fs.readFileSync(path.join(root, 'base/Dockerfile'), 'utf8')).toBe(BASE);
    const f = file('legacy/Dockerfile');
    expect(f.status).toBe('changed');
    expect(ids(f)[0]).toBe('onbuild/repo-base-expanded');
    expect(f.baseBefore).toBe('acme/go-onbuild:1');
    const out = fs.readFileSync(path.join(root, 'legacy/Dockerfile'), 'utf8');
    expect(out).toMatch(/^FROM golang:1\.19 AS builder\n# acme\/go-onbuild:1 is built from \.\.\/base\/Dockerfile: its lines and ONBUILD triggers, written out\nENV APP_ENV=production\nWORKDIR \/go\/src\/app\nCOPY \. \/go\/src\/app\nRUN CGO_ENABLED=0 go build -o \/go\/bin\/app \.\n/);
    expect(out).toMatch(/\nFROM gcr\.io\/distroless\/static-debian12:nonroot\n[^]*ENV APP_ENV=production\n[^]*CMD \["app"\]\n$/);
    // A second run changes nothing.
    expect(report(root).file('legacy/Dockerfile').status).toBe('skipped');
  });

  it('without the declaration the file is left alone as before; --onbuild-from names the base', () => {
    const root = tree({ 'base/Dockerfile': BASE, ...svc('legacy', 'FROM acme/go-onbuild:1\n') });
    expect(ids(report(root).file('legacy/Dockerfile'))).toEqual(['onbuild/unknown-triggers']);
    const f = report(root, ['--onbuild-from', 'acme/go-onbuild:1=base/Dockerfile']).file('legacy/Dockerfile');
    expect(f.status).toBe('changed');
  });

  it('the config names a base with onbuildFrom', () => {
    const root = tree({
      'stageify.config.json': JSON.stringify({ onbuildFrom: { 'acme/go-onbuild:1': 'base/Dockerfile' } }),
      'base/Dockerfile': BASE, ...svc('legacy', 'FROM acme/go-onbuild:1\n'),
    });
    expect(report(root).file('legacy/Dockerfile').status).toBe('changed');
  });

  it('recursively: a base built FROM another in-repo base takes its lines and triggers first', () => {
    const root = tree({
      'compose.yaml': 'services:\n  root:\n    image: acme/root:1\n    build: root\n  mid:\n    image: acme/mid:1\n    build: mid\n',
      'root/Dockerfile': 'FROM golang:1.19\nENV TIER=root\nONBUILD RUN mkdir -p /opt/marker\n',
      'mid/Dockerfile': 'FROM acme/root:1\nWORKDIR /go/src/app\nONBUILD COPY . .\nONBUILD RUN go build -o /go/bin/app .\nCMD ["/go/bin/app"]\n',
      ...svc('app', 'FROM acme/mid:1\n'),
    });
    const { file } = report(root, ['--write']);
    expect(file('app/Dockerfile').status).toBe('changed');
    const out = fs.readFileSync(path.join(root, 'app/Dockerfile'), 'utf8');
    expect(out).toContain('FROM golang:1.19 AS builder\n# acme/mid:1 is built from ../mid/Dockerfile: its lines and ONBUILD triggers, written out\nENV TIER=root\nRUN mkdir -p /opt/marker\nWORKDIR /go/src/app\nCOPY . .\n');
  });

  it('a base that copies from its own context cannot be written out: left alone, saying why', () => {
    const root = tree(repo({ 'base/Dockerfile': 'FROM golang:1.19\nCOPY tools/ /tools/\nONBUILD COPY . /go/src/app\n', 'base/tools/x': 'x\n' }));
    const f = report(root).file('legacy/Dockerfile');
    expect(f.status).toBe('skipped');
    expect(ids(f)).toEqual(['onbuild/repo-base-unusable']);
    expect(f.messages[0].text).toContain('line 2 (COPY) copies from its own build context');
  });

  it('--onbuild-from needs IMAGE=path', () => {
    const root = tree({ ...svc('x', OWN) });
    const r = run(['--onbuild-from', 'acme/x'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--onbuild-from needs IMAGE=path/to/Dockerfile');
  });
});

describe('which context was used, in every report', () => {
  const root = () => tree({
    'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      dockerfile: services/web/Dockerfile\n',
    'shared/config.json': '{}\n',
    ...svc('services/web', FROM_ROOT('services/web')),
    ...svc('solo', OWN),
  });

  it('--explain text names the folder and the declaration', () => {
    const r = run(['--explain'], { cwd: root() });
    expect(r.stderr).toContain('services/web/Dockerfile  context  build context . (compose: compose.yaml service web)');
    expect(r.stderr).toContain("solo/Dockerfile  context  build context solo (the Dockerfile's folder (default))");
  });

  it('--context wins over the declaration; the Markdown report says where the context came from', () => {
    const dir = root();
    const { file } = report(dir, ['--context', 'solo']);
    expect(file('services/web/Dockerfile').context).toEqual({ path: 'solo', source: 'flag', detail: '--context' });
    const md = run(['--format', 'markdown'], { cwd: dir }).stdout;
    expect(md).toContain('Build context: `.` — declared in compose: compose.yaml service web');
  });

  it('the config context (overrides[].context) wins over the declaration', () => {
    const dir = root();
    fs.writeFileSync(path.join(dir, 'stageify.config.json'), JSON.stringify({ overrides: [{ files: 'services/**', context: '.' }] }));
    expect(report(dir).file('services/web/Dockerfile').context).toEqual({ path: '.', source: 'config', detail: null });
  });
});
