import { parseDockerfile } from '../../src/dockerfile';
import { appFiles } from '../../transforms/shared/interpreted/app-files';
import type { FolderReads } from '../../transforms/shared/interpreted/app-files';
import { scanSource, servedFolders, startCommandReads, tokenize } from '../../transforms/shared/interpreted/folder-reads';
import { isPythonName } from '../../transforms/python/installs';
import { walkStage } from '../../transforms/shared/interpreted/stage-walk';

const isRuby = (n: string) => n === 'ruby';
const served = (argv: string[], cwd = '/app') => servedFolders(argv, cwd, 'python', isPythonName).served;

describe('servedFolders', () => {
  test('http.server serves the working folder, or its --directory / -d resolved against it', () => {
    expect(served(['python3', '-m', 'http.server', '8080'])).toEqual([{ dir: '/app', program: 'python3 -m http.server' }]);
    expect(served(['python3', '-m', 'http.server', '--directory', 'public'])).toEqual([{ dir: '/app/public', program: 'python3 -m http.server' }]);
    expect(served(['python', '-u', '-m', 'http.server', '-d', '/srv/www', '80'])[0].dir).toBe('/srv/www');
    expect(served(['python', '-m', 'http.server', '--directory=site'])[0].dir).toBe('/app/site');
    expect(served(['python', '-m', 'http.server', '-d', '$ROOT'])[0].dir).toBeNull();
  });

  test('Python 2 SimpleHTTPServer, pydoc -p, mkdocs and jupyter serve folders; other modules do not', () => {
    expect(served(['python', '-m', 'SimpleHTTPServer', '8000'])[0].dir).toBe('/app');
    expect(served(['python', '-m', 'pydoc', '-p', '8000'])[0].dir).toBe('/app');
    expect(served(['mkdocs', 'serve', '-f', 'docs/mkdocs.yml'])[0]).toEqual({ dir: '/app/docs', program: 'mkdocs serve' });
    expect(served(['jupyter', 'notebook', '--notebook-dir=/work'])[0].dir).toBe('/work');
    expect(served(['python', '-m', 'pydoc', 'os'])).toEqual([]);
    expect(served(['python', '-m', 'flask', 'run'])).toEqual([]);
    expect(served(['python', 'app.py', 'http.server'])).toEqual([]);
  });

  test('inline code is handed to the source scan', () => {
    expect(servedFolders(['python', '-c', 'import os; print(os.listdir())'], '/app', 'python', isPythonName).code).toEqual(['import os; print(os.listdir())']);
    expect(servedFolders(['ruby', '-rwebrick', '-e', 'WEBrick::HTTPServer.new(DocumentRoot: ".").start'], '/app', 'ruby', isRuby).code).toHaveLength(1);
  });

  test('ruby -run -e httpd serves its folder argument, else the working folder', () => {
    expect(servedFolders(['ruby', '-run', '-e', 'httpd', '.', '-p', '8080'], '/site', 'ruby', isRuby).served).toEqual([{ dir: '/site', program: 'ruby -run -e httpd' }]);
    expect(servedFolders(['ruby', '-run', '-e', 'httpd', '--', '--port=80', 'public'], '/site', 'ruby', isRuby).served[0].dir).toBe('/site/public');
    expect(servedFolders(['ruby', '-run', '-e', 'httpd', '-p', '80'], '/site', 'ruby', isRuby).served[0].dir).toBe('/site');
  });

  test('a shell command follows `cd`, and an unknown `cd` makes the folder unknown', () => {
    const shell = (s: string) => startCommandReads([{ argv: null, shell: s }], '/app', 'python', isPythonName, '\\').served;
    expect(shell('cd public && python -m http.server 80')).toEqual([{ dir: '/app/public', program: 'python -m http.server' }]);
    expect(shell('cd $SITE && exec python -m http.server 80')).toEqual([{ dir: null, program: 'python -m http.server' }]);
    expect(shell('python -m http.server 80 & exec python fetch.py')[0].dir).toBe('/app');
  });
});

describe('scanSource', () => {
  test('a listing of the working folder or of a variable cannot be bounded; a literal subfolder can', () => {
    const r = scanSource('app.py', [
      'import os, glob',
      'print(os.listdir())',
      'for f in glob.glob("data/*.json"): pass',
      'os.walk(base)',
      'send_from_directory("static", name)',
      '',
    ].join('\n'), 'python');
    expect(r.unbounded).toEqual(['os.listdir()', 'os.walk(…']);
    expect(r.paths).toEqual(['data', 'static']);
  });

  test('globs over the working folder and serving handlers are unbounded', () => {
    expect(scanSource('a.py', 'from glob import glob\nglob("*.md")\n', 'python').unbounded).toEqual(['glob("*.md")']);
    expect(scanSource('a.py', 'import http.server\nhttp.server.SimpleHTTPRequestHandler\n', 'python').unbounded).toEqual(['http.server', 'SimpleHTTPRequestHandler']);
    expect(scanSource('a.py', 'app = Flask(__name__, static_folder=ROOT)\n', 'python').unbounded).toEqual(['static_folder=…']);
  });

  test('comments and strings do not count as calls; f-strings are not literal paths', () => {
    const r = scanSource('a.py', '# os.listdir(".")\nmsg = "os.listdir(x)"\nos.listdir(f"{root}/x")\n', 'python');
    expect(r.unbounded).toEqual(['os.listdir(…']);
    expect(r.names).toEqual(['os.listdir(x)']);
  });

  test('string literals that look like paths are kept as names', () => {
    expect(scanSource('a.py', 'open("README.md")\nx = "two words"\n', 'python').names).toEqual(['README.md']);
    expect(tokenize("s = r'\\d+' # c\nt = '''a\n#b'''\n", 'python').strings).toEqual(['\\d+', 'a\n#b']);
  });

  test('Ruby: Dir[] over a literal folder is bounded; DocumentRoot from a variable is not', () => {
    const r = scanSource('server.rb', 'Dir["config/*.yml"].each { }\nWEBrick::HTTPServer.new(DocumentRoot: root)\nputs Dir.pwd # Dir["*"]\n', 'ruby');
    expect(r.paths).toEqual(['config']);
    expect(r.unbounded).toEqual(['DocumentRoot:…']);
    expect(scanSource('config.ru', 'use Rack::Static, urls: ["/"], root: "public"\n', 'ruby')).toMatchObject({ paths: ['public'], unbounded: [] });
    expect(scanSource('config.ru', 'use Rack::Static, urls: ["/"]\n', 'ruby').unbounded).toEqual(['Rack::Static']);
  });

  test('a shell script that starts a folder server is unbounded', () => {
    expect(scanSource('start.sh', '#!/bin/sh\nexec python3 -m http.server "$PORT"\n', 'sh').unbounded).toEqual(['-m http.server']);
    expect(scanSource('start.sh', '#!/bin/sh\nexec gunicorn app:app\n', 'sh').unbounded).toEqual([]);
  });
});

describe('appFiles with the program\'s reads', () => {
  const files = ['app.py', 'README.md', 'data/a.txt', 'tests/test_app.py', 'requirements.txt'];
  function plan(reads: Partial<FolderReads>) {
    const file = parseDockerfile('FROM python:3.11\nWORKDIR /app\nCOPY . .\nCMD ["python", "app.py"]\n');
    const walk = walkStage(file, file.stages[0], files, [], '/');
    return appFiles(walk.copies, files, walk.commands, { notRuntime: [/^tests?$/, /^requirements.*\.txt$/], harmless: () => false }, {
      workdir: '/app', served: [], sources: [], incomplete: null, ...reads,
    });
  }
  const paths = (r: ReturnType<typeof plan>) => r.pieces.map((p) => p.path);

  test('without reads stageify can see, files named as not for run time stay behind', () => {
    const r = plan({});
    expect(paths(r)).toEqual(['/app/app.py', '/app/data']);
    expect(r.left).toEqual(['/app/README.md', '/app/requirements.txt', '/app/tests']);
  });

  test('a served working folder is copied whole', () => {
    const r = plan({ served: [{ dir: '/app', program: 'python -m http.server' }] });
    expect(paths(r)).toEqual(['/app']);
    expect(r.served).toEqual([{ program: 'python -m http.server', dirs: ['/app'] }]);
  });

  test('a served subfolder keeps that entry only', () => {
    const r = plan({ served: [{ dir: '/app/tests', program: 'python -m http.server' }] });
    expect(paths(r)).toEqual(['/app/app.py', '/app/data', '/app/tests']);
    expect(r.left).toEqual(['/app/README.md', '/app/requirements.txt']);
  });

  test('an unbounded read in a running source copies the folder whole; the same read in tests/ does not', () => {
    const listing = { paths: [], unbounded: ['os.listdir()'], names: [] };
    const r = plan({ sources: [{ file: 'app.py', ...listing }] });
    expect(paths(r)).toEqual(['/app']);
    expect(r.readsAll).toEqual({ where: ['app.py: os.listdir()'], dirs: ['/app'] });
    expect(paths(plan({ sources: [{ file: 'tests/test_app.py', ...listing }] }))).toEqual(['/app/app.py', '/app/data']);
  });

  test('unscanned sources count as unbounded', () => {
    expect(paths(plan({ incomplete: 'more than 2000 source files to scan' }))).toEqual(['/app']);
  });

  test('a file a running source names is kept, and said so', () => {
    const r = plan({ sources: [{ file: 'app.py', paths: [], unbounded: [], names: ['./README.md'] }] });
    expect(paths(r)).toEqual(['/app/README.md', '/app/app.py', '/app/data']);
    expect(r.named).toEqual({ files: ['/app/README.md'], where: ['app.py'] });
    expect(r.left).toEqual(['/app/requirements.txt', '/app/tests']);
  });
});
