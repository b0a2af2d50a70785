// The build context inferred when nothing declares one, and the context's on-demand look-ups.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compareListed, diskContext, globMatches, memoryContext, scopedContext } from '../../src/context';
import { candidateFolders, inferContext } from '../../src/context-infer';
import { contextScope, contextSources } from '../../src/copy-sources';
import { parseDockerfile } from '../../src/dockerfile';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));
function tree(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stageify-infer-')));
  roots.push(root);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const WEB = 'FROM golang:1.22\nCOPY services/web/ ./\nCOPY shared/config.json ./config.json\nCMD ["/app"]\n';

describe('inferContext', () => {
  it('takes the nearest folder where every source exists, and names the sources that decided it', () => {
    const root = tree({ '.git/HEAD': '', 'services/web/main.go': 'package main\n', 'shared/config.json': '{}', 'services/web/Dockerfile': WEB });
    const r = inferContext(path.join(root, 'services/web/Dockerfile'), WEB, null);
    expect(r).toEqual({ kind: 'fits', dir: root, reason: `COPY services/web/ and shared/config.json exist only from ${root}` });
  });

  it("keeps the Dockerfile's own folder when its sources are there", () => {
    const root = tree({ '.git/HEAD': '', 'app/main.go': '', 'app/go.mod': '' });
    const text = 'FROM golang:1.22\nCOPY go.mod *.go ./\nCOPY . .\n';
    const r = inferContext(path.join(root, 'app/Dockerfile'), text, null);
    expect(r.kind).toBe('fits');
    expect(r.kind === 'fits' && r.dir).toBe(path.join(root, 'app'));
  });

  it('names the missing source and the folders searched when none fits, never above the repository root', () => {
    const root = tree({ '.git/HEAD': '', 'a/b/Dockerfile': '' });
    const r = inferContext(path.join(root, 'a/b/Dockerfile'), 'FROM golang:1.22\nCOPY nothere/ ./\n', null);
    expect(r).toEqual({ kind: 'none', missing: 'nothere/', searched: [path.join(root, 'a/b'), path.join(root, 'a'), root] });
  });

  it('stops at the repoRoot it is given, and without a repository tries only the own folder', () => {
    const root = tree({ 'x/y/Dockerfile': '', 'shared/c.json': '' });
    expect(candidateFolders(path.join(root, 'x/y'), path.join(root, 'x'))).toEqual([path.join(root, 'x/y'), path.join(root, 'x')]);
    const text = 'FROM golang:1.22\nCOPY shared/c.json ./\n';
    expect(inferContext(path.join(root, 'x/y/Dockerfile'), text, root)).toMatchObject({ kind: 'fits', dir: root });
    expect(inferContext(path.join(root, 'x/y/Dockerfile'), text, path.join(root, 'x'))).toMatchObject({ kind: 'none', missing: 'shared/c.json' });
  });

  it('honours .dockerignore and <Dockerfile>.dockerignore: an ignored source is not there', () => {
    const root = tree({ '.git/HEAD': '', 'svc/Dockerfile': '', 'svc/conf/a.json': '', '.dockerignore': 'svc/conf\n', 'svc/conf2/a.json': '' });
    const df = path.join(root, 'svc/Dockerfile');
    // From the root, svc/conf is ignored; from svc, conf/ is there.
    expect(inferContext(df, 'FROM golang:1.22\nCOPY svc/conf/ ./\n', null)).toMatchObject({ kind: 'none', missing: 'svc/conf/' });
    fs.writeFileSync(path.join(root, 'svc/Dockerfile.dockerignore'), 'conf2\n');
    // The Dockerfile's own ignore file wins over the context's.
    expect(inferContext(df, 'FROM golang:1.22\nCOPY conf2/a.json ./\n', null)).toMatchObject({ kind: 'none', missing: 'conf2/a.json' });
    expect(inferContext(df, 'FROM golang:1.22\nCOPY svc/conf/ ./\n', null)).toMatchObject({ kind: 'fits', dir: root });
  });

  it('expands ARG defaults and globs, and ignores --from, URLs and heredocs', () => {
    const root = tree({ '.git/HEAD': '', 'svc/Dockerfile': '', 'cfg/prod.json': '', 'svc/main.go': '' });
    const text = [
      'ARG ENV=prod', 'FROM golang:1.22', 'ARG ENV', 'COPY cfg/${ENV}.json ./', 'COPY s?c/*.go ./',
      'COPY --from=builder /nowhere /x', 'ADD https://example.invalid/x.tgz /x', 'COPY <<EOF /etc/x\nhello\nEOF', '',
    ].join('\n');
    expect(inferContext(path.join(root, 'svc/Dockerfile'), text, null)).toEqual({ kind: 'fits', dir: root, reason: `COPY cfg/\${ENV}.json and s?c/*.go exist only from ${root}` });
  });
});

describe('context sources and scope', () => {
  it('leaves a source with an unset variable unchecked, and scopes to the whole context then', () => {
    const file = parseDockerfile('FROM golang:1.22\nARG DIR\nCOPY ${DIR}/ ./\nCOPY go.mod ./\n');
    const found = contextSources(file);
    expect(found.sources.map((s) => s.path)).toEqual(['go.mod']);
    expect(found.unresolved).toEqual(['${DIR}/']);
    expect(contextScope(file, found)).toEqual(['']);
  });

  it('reads RUN bind mounts from the context into the scope', () => {
    const file = parseDockerfile('FROM golang:1.22\nCOPY app/ ./\nRUN --mount=type=bind,source=tools,target=/t make\n');
    expect(contextScope(file)).toEqual(['app', 'tools']);
  });
});

describe('the context on demand', () => {
  const files = {
    'a-b/x': '', 'a/b/c.txt': '', 'a/z.go': '', 'vendor/m/p/f.go': '', 'node_modules/q/index.js': '', 'top.go': '', '.dockerignore': 'secret\n', 'secret/k': '',
  };

  it('lists a sub-tree in the order of the whole listing, and looks paths up without listing', () => {
    const root = tree(files);
    const ctx = diskContext(root);
    expect(ctx.kind('a')).toBe('dir');
    expect(ctx.kind('a/z.go')).toBe('file');
    expect(ctx.kind('secret/k')).toBeNull();
    expect(ctx.kind('missing')).toBeNull();
    expect(ctx.listUnder('a').files).toEqual(['a/b/c.txt', 'a/z.go']);
    const whole = diskContext(root).listFiles().files;
    expect(whole).toEqual(['.dockerignore', 'a/b/c.txt', 'a/z.go', 'a-b/x', 'top.go', 'vendor/m/p/f.go']);
    expect([...whole].sort(compareListed)).toEqual(whole);
    expect(memoryContext(files).listFiles().files).toEqual(whole);
  });

  it('a scoped context lists only what is copied, in the same order, and still reads elsewhere', () => {
    const root = tree(files);
    const scoped = scopedContext(diskContext(root), ['top.go', 'a', 'a-b/*']);
    expect(scoped.listFiles()).toEqual({ files: ['a/b/c.txt', 'a/z.go', 'a-b/x', 'top.go'], truncated: false });
    expect(scoped.readText('vendor/m/p/f.go')).toBe('');
    expect(scoped.readText('secret/k')).toBeNull();
    expect(scopedContext(memoryContext(files), ['a']).listFiles().files).toEqual(['a/b/c.txt', 'a/z.go']);
  });

  it('never reads through a link outside a listed folder', () => {
    const root = tree({ 'real/x.txt': 'secret' });
    fs.symlinkSync(path.join(root, 'real'), path.join(root, 'link'));
    const ctx = diskContext(root);
    expect(ctx.readText('real/x.txt')).toBe('secret');
    expect(ctx.readText('link/x.txt')).toBeNull();
  });

  it('matches globs name by name', () => {
    const root = tree(files);
    expect(globMatches(diskContext(root), 'a*/*')).toEqual(['a/b', 'a/z.go', 'a-b/x']);
    expect(globMatches(diskContext(root), '*.txt')).toEqual([]);
  });
});
