import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { imageKey, loadDeclarations } from '../../src/build-declarations';
import { bakeDeclarations, jsonErrorOffset, parseBakeJson } from '../../src/build-declarations/bake';
import { composeDeclarations, composeProjects, interpolate, mergeCompose, parseCompose } from '../../src/build-declarations/compose';
import type { ComposeServices } from '../../src/build-declarations/compose';

const DIR = path.resolve('/repo');
const services = (text: string): ComposeServices => {
  const s = parseCompose(text, path.join(DIR, 'compose.yaml'));
  if (!(s instanceof Map)) throw new Error(s.reason);
  return s;
};

describe('compose', () => {
  it('reads the short form, the long form, list args, target, additional_contexts and image', () => {
    const s = services([
      'x-common: &common', '  args: [A=1, "B"]',
      'services:',
      '  a:', '    build: ./a',
      '  b:', '    image: acme/b:2', '    build:', '      context: svc', '      dockerfile: b/Dockerfile.prod', '      target: app',
      '      args:', '        GO: "1.21"', '        N: 3', '      additional_contexts:', '        assets: ./assets', '        img: docker-image://alpine',
      '  c:', '    build:', '      context: c', '      <<: *common',
      '  d:', '    image: nginx',
    ].join('\n'));
    const { decls, problems } = composeDeclarations(s, path.join(DIR, 'compose.yaml'), DIR);
    expect(problems).toEqual([]);
    const [a, b, c] = decls;
    expect(decls).toHaveLength(3);
    expect(a).toMatchObject({ name: 'a', context: path.join(DIR, 'a'), dockerfile: path.join(DIR, 'a', 'Dockerfile'), args: {}, images: [] });
    expect(b).toMatchObject({
      name: 'b', context: path.join(DIR, 'svc'), dockerfile: path.join(DIR, 'svc', 'b', 'Dockerfile.prod'), target: 'app',
      args: { GO: '1.21', N: '3' }, images: ['acme/b:2'],
      additionalContexts: { assets: path.join(DIR, 'assets'), img: 'docker-image://alpine' },
    });
    expect(c.args).toEqual({ A: '1', B: null });
  });

  it('interpolates defaults only; a variable without one makes the build unknown', () => {
    expect(interpolate('${DIR:-svc}/a')).toBe('svc/a');
    expect(interpolate('${DIR-svc}')).toBe('svc');
    expect(interpolate('$$HOME')).toBe('$HOME');
    expect(interpolate('${DIR}')).toBeNull();
    expect(interpolate('$DIR/x')).toBeNull();
    const s = services('services:\n  a:\n    build:\n      context: ${APP_DIR}\n  b:\n    build: ${B:-b}\n');
    const { decls, problems } = composeDeclarations(s, 'compose.yaml', DIR);
    expect(decls.map((d) => d.name)).toEqual(['b']);
    expect(problems[0].reason).toContain('service a: its build context or dockerfile is not a plain value');
  });

  it('an override merges per key, args by name', () => {
    const base = services('services:\n  a:\n    build:\n      context: a\n      args: {X: "1", Y: "2"}\n');
    const over = services('services:\n  a:\n    build:\n      args: {Y: "3"}\n    image: acme/a:1\n');
    const { decls } = composeDeclarations(mergeCompose(base, over), 'compose.override.yaml', DIR);
    expect(decls[0]).toMatchObject({ context: path.join(DIR, 'a'), args: { X: '1', Y: '3' }, images: ['acme/a:1'] });
  });

  it('groups a folder\'s files into projects: primary + overrides, and each variant on the primary', () => {
    expect(composeProjects(['docker-compose.yml', 'docker-compose.override.yml', 'docker-compose.prod.yml'])).toEqual([
      ['docker-compose.yml', 'docker-compose.override.yml'], ['docker-compose.yml', 'docker-compose.prod.yml'],
    ]);
    expect(composeProjects(['compose.yaml', 'docker-compose.yml'])).toEqual([['compose.yaml']]);
  });

  it('invalid YAML: the file, the line and the reason', () => {
    const r = parseCompose('services:\n  a:\n    build: a\n   b: x\n', 'compose.yaml');
    expect(r).toEqual({ file: 'compose.yaml', line: 4, reason: 'not valid YAML: bad indentation of a mapping entry' });
  });

  it('a remote context and an inline Dockerfile declare nothing on disk', () => {
    const s = services('services:\n  a:\n    build: https://example.invalid/repo.git\n  b:\n    build:\n      dockerfile_inline: "FROM x"\n');
    const { decls, problems } = composeDeclarations(s, 'compose.yaml', DIR);
    expect(decls).toEqual([]);
    expect(problems.map((p) => p.reason)).toEqual(['service b: its Dockerfile is inline (dockerfile_inline)']);
  });
});

describe('bake', () => {
  it('reads targets with inherits, args, tags, contexts', () => {
    const t = parseBakeJson(JSON.stringify({
      group: { default: { targets: ['web'] } },
      target: {
        base: { context: '.', args: { A: '1', B: '2' } },
        web: { inherits: ['base'], dockerfile: 'web/Dockerfile', args: { B: '3' }, tags: ['acme/web:1', 'acme/web:latest'], contexts: { lib: './lib' } },
      },
    }), 'docker-bake.json');
    if (!(t instanceof Map)) throw new Error(t.reason);
    const { decls } = bakeDeclarations(t, 'docker-bake.json', DIR);
    expect(decls.find((d) => d.name === 'web')).toMatchObject({
      source: 'bake', context: DIR, dockerfile: path.join(DIR, 'web', 'Dockerfile'), args: { A: '1', B: '3' },
      images: ['acme/web:1', 'acme/web:latest'], additionalContexts: { lib: path.join(DIR, 'lib') },
    });
  });

  it('finds where a JSON text breaks', () => {
    expect(jsonErrorOffset('{"a": 1}')).toBeNull();
    const text = '{\n  "target": {\n    "x": ,\n  }\n}\n';
    expect(jsonErrorOffset(text)).toBe(text.indexOf(','));
    expect(parseBakeJson(text, 'docker-bake.json')).toMatchObject({ file: 'docker-bake.json', line: 3 });
  });
});

describe('loading a repository', () => {
  let root: string;
  beforeAll(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stageify-decl-')));
    const w = (rel: string, text: string) => { fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true }); fs.writeFileSync(path.join(root, rel), text); };
    fs.mkdirSync(path.join(root, '.git'));
    w('compose.yaml', 'services:\n  web:\n    build:\n      context: .\n      dockerfile: services/web/Dockerfile\n  base:\n    image: acme/base:1\n    build: base\n');
    w('services/compose.yml', 'services:\n  web2:\n    build:\n      context: ..\n      dockerfile: services/web/Dockerfile\n');
    w('services/web/Dockerfile', 'FROM golang:1.19\n');
    w('base/Dockerfile', 'FROM golang:1.19\nONBUILD COPY . .\n');
    w('other/docker-bake.hcl', 'target "x" {}\n');
    w('other/Dockerfile', 'FROM golang:1.19\n');
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reads the files in each Dockerfile\'s folder and above it up to the repository root, each once', () => {
    const d = loadDeclarations([path.join(root, 'services/web/Dockerfile'), path.join(root, 'other/Dockerfile')], root);
    expect(d.files.sort()).toEqual([path.join(root, 'compose.yaml'), path.join(root, 'services/compose.yml')]);
    const web = d.byDockerfile.get(path.join(root, 'services/web/Dockerfile'))!;
    // Two declarations of the same build: kept once.
    expect(web.map((x) => x.name)).toEqual(['web']);
    expect(d.byImage.get('acme/base:1')?.dockerfile).toBe(path.join(root, 'base/Dockerfile'));
    expect(d.problems).toEqual([expect.objectContaining({ file: path.join(root, 'other/docker-bake.hcl'), unread: true })]);
  });

  it('spells an image one way', () => {
    expect(imageKey('golang')).toBe('golang:latest');
    expect(imageKey('docker.io/library/golang:1.22')).toBe('golang:1.22');
    expect(imageKey('registry.example.com:5000/team/app:1')).toBe('registry.example.com:5000/team/app:1');
  });
});
