// Build contexts through the real built binary (`npm run build` first): a service whose sources
// exist only from the repository root, one no folder fits, and a context larger than any bound.
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

interface Report { files: { path: string; status: string; messages: { id: string; text: string }[] }[] }
const report = (s: string) => JSON.parse(s) as Report;

const WEB = 'FROM golang:1.22\nWORKDIR /src\nCOPY services/web/ ./\nCOPY shared/config.json ./config.json\nRUN go build -o /app .\nCMD ["/app"]\n';
const GO_MAIN = 'package main\n\nfunc main() {}\n';

describe('build contexts', () => {
  it('plans a service whose COPY sources exist only from the repository root, and refuses its own folder', () => {
    const root = tree({
      '.git/HEAD': 'ref: refs/heads/main\n', 'services/web/Dockerfile': WEB, 'services/web/main.go': GO_MAIN,
      'services/web/go.mod': 'module example.com/web\n\ngo 1.22\n', 'shared/config.json': '{}\n',
    });
    const inferred = run(['--format', 'json', 'services/web/Dockerfile'], { cwd: root });
    const file = report(inferred.stdout).files[0];
    expect(file.messages.map((m) => m.id)).not.toContain('context/source-missing');
    expect(file.status).toBe('changed');
    const fromRoot = report(run(['--format', 'json', '--context', '.', 'services/web/Dockerfile'], { cwd: root }).stdout).files[0];
    expect(fromRoot.status).toBe('changed');
    // Its own folder lacks services/web/: left alone, and the message says what would fix it.
    const own = report(run(['--format', 'json', '--context', 'services/web', 'services/web/Dockerfile'], { cwd: root }).stdout).files[0];
    expect(own.status).toBe('skipped');
    const m = own.messages.find((x) => x.id === 'context/source-missing');
    expect(m?.text).toContain('services/web/');
    expect(m?.text).toContain('--context');
  });

  it('leaves a file alone when no folder up to the repository root holds its sources', () => {
    const root = tree({ '.git/HEAD': '', 'app/Dockerfile': 'FROM golang:1.22\nCOPY app/ ./\nCOPY missing/ ./missing/\nRUN go build -o /app .\nCMD ["/app"]\n', 'app/main.go': GO_MAIN });
    const r = run(['--format', 'json', 'app/Dockerfile'], { cwd: root });
    const file = report(r.stdout).files[0];
    expect(file.status).toBe('skipped');
    expect(file.messages.map((m) => m.id)).toContain('context/source-missing');
    // The context in use is the Dockerfile's own folder, where app/ is the first source it lacks.
    expect(file.messages.find((m) => m.id === 'context/source-missing')?.text).toContain('names app/');
    expect(fs.readFileSync(path.join(root, 'app/Dockerfile'), 'utf8')).toContain('COPY missing/');
  });

  it('plans a service with a 25,000-file vendor/ tree in its context', () => {
    const root = tree({
      '.git/HEAD': '', 'svc/Dockerfile': 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n',
      'svc/main.go': GO_MAIN, 'svc/go.mod': 'module example.com/svc\n\ngo 1.22\n', 'svc/vendor/modules.txt': '# example.com/dep v1.0.0\n## explicit\nexample.com/dep\n',
      'api/Dockerfile': 'FROM golang:1.22\nWORKDIR /src\nCOPY api/ ./\nRUN go build -o /app .\nCMD ["/app"]\n', 'api/main.go': GO_MAIN, 'api/go.mod': 'module example.com/api\n\ngo 1.22\n',
    });
    for (let d = 0; d < 250; d++) {
      const dir = path.join(root, 'svc/vendor/example.com/dep', `p${d}`);
      fs.mkdirSync(dir, { recursive: true });
      for (let f = 0; f < 100; f++) fs.writeFileSync(path.join(dir, `f${f}.txt`), '');
    }
    const own = report(run(['--format', 'json', 'svc/Dockerfile'], { cwd: root }).stdout).files[0];
    expect(own.messages.map((m) => m.id)).not.toContain('context/unavailable');
    expect(own.status).toBe('changed');
    // The same tree in a root context that the service does not copy.
    const fromRoot = report(run(['--format', 'json', '--context', '.', 'api/Dockerfile'], { cwd: root }).stdout).files[0];
    expect(fromRoot.status).toBe('changed');
  });
});
