import { parseDockerfile } from '../../src/dockerfile';
import { nativePackagesIn } from '../../transforms/python/facts';
import { pythonInstalls } from '../../transforms/python/installs';
import { walkStage } from '../../transforms/shared/interpreted/stage-walk';

function installs(text: string) {
  const file = parseDockerfile(text);
  return pythonInstalls(walkStage(file, file.stages[0], [], [['PATH', '/usr/local/bin:/usr/bin']], '/'));
}

describe('pythonInstalls', () => {
  test('pip into the system site-packages, with requirement files resolved from the cwd', () => {
    const r = installs('FROM python:3.11\nWORKDIR /app\nRUN pip install --no-cache-dir -r requirements.txt gunicorn==21.2\n');
    expect(r.pips.map((p) => [p.into, p.dir, p.requirementFiles, p.packages])).toEqual([['system', null, ['/app/requirements.txt'], ['gunicorn==21.2']]]);
  });

  test('a virtualenv on PATH, an activated one, and one named by its pip', () => {
    const r = installs([
      'FROM python:3.11',
      'RUN python -m venv /venv',
      'ENV PATH=/venv/bin:$PATH',
      'RUN pip install flask',
      'RUN python3 -m virtualenv /other && . /other/bin/activate && pip install uvicorn',
      'RUN /other/bin/pip install httpx',
      '',
    ].join('\n'));
    expect(r.venvs.map((v) => v.dir)).toEqual(['/venv', '/other']);
    expect(r.pips.map((p) => [p.into, p.dir])).toEqual([['venv', '/venv'], ['venv', '/other'], ['venv', '/other']]);
  });

  test('--user, --target, local installs and tools stageify cannot follow', () => {
    const r = installs('FROM python:3.11\nWORKDIR /src\nRUN pip install --user x && pip install --target=/deps y && pip install -e .\nRUN pipenv install --system\n');
    expect(r.pips.map((p) => [p.into, p.dir, p.local])).toEqual([['user', null, false], ['dir', '/deps', false], ['system', null, true]]);
    expect(r.unknown.map((u) => u.tool)).toEqual(['pipenv']);
  });
});

test('nativePackagesIn finds source-built packages, not binary wheels', () => {
  expect(nativePackagesIn('psycopg2==2.9.9  # pg\npsycopg2-binary\nmysqlclient>=2\n# psycopg2 in a comment\n')).toEqual(['mysqlclient', 'psycopg2']);
  expect(nativePackagesIn('[project]\ndependencies = ["psycopg2>=2.9", "requests"]\n')).toEqual(['psycopg2']);
});
