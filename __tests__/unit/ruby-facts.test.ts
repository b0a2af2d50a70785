import { parseGemfileLock } from '../../transforms/ruby/facts';
import { rubyOnbuildImage } from '../../transforms/ruby/onbuild';
import { onbuildImage } from '../../transforms/python/onbuild';

test('parseGemfileLock reads specs with versions and platforms, not their dependencies', () => {
  const lock = [
    'GEM',
    '  remote: https://rubygems.org/',
    '  specs:',
    '    nokogiri (1.15.5-x86_64-linux)',
    '      racc (~> 1.4)',
    '    pg (1.5.4)',
    '',
    'PLATFORMS',
    '  x86_64-linux',
    '',
  ].join('\n');
  expect(parseGemfileLock(lock)).toEqual([
    { name: 'nokogiri', version: '1.15.5', platform: 'x86_64-linux' },
    { name: 'pg', version: '1.5.4', platform: null },
  ]);
});

describe('onbuild images', () => {
  test('ruby: bare and major-only tags were 2.4', () => {
    expect(rubyOnbuildImage('ruby', 'ruby', 'onbuild').builder).toBe('ruby:2.4');
    expect(rubyOnbuildImage('ruby', 'ruby', '2-onbuild').builder).toBe('ruby:2.4');
    expect(rubyOnbuildImage('ruby', 'mirror.example/library/ruby', '2.3.1-onbuild').builder).toBe('mirror.example/library/ruby:2.3.1');
  });
  test('rails:onbuild is ruby:2.3 with its apt packages, EXPOSE 3000 and rails server', () => {
    const r = rubyOnbuildImage('rails', 'rails', 'onbuild');
    expect(r.builder).toBe('ruby:2.3');
    expect(r.before.join('\n')).toMatch(/nodejs[\s\S]*mysql-client postgresql-client sqlite3/);
    expect([r.expose, r.cmd]).toEqual(['EXPOSE 3000', ['rails', 'server', '-b', '0.0.0.0']]);
  });
  test('python, pypy and django', () => {
    expect(onbuildImage('python', 'python', '3-onbuild')).toMatchObject({ builder: 'python:3.6' });
    expect(onbuildImage('python', 'python', '2-onbuild')).toMatchObject({ builder: 'python:2.7' });
    expect(onbuildImage('pypy', 'pypy', '3-onbuild')).toMatchObject({ builder: 'pypy:3', triggers: expect.arrayContaining(['RUN pip install -r requirements.txt']) });
    expect(onbuildImage('pypy', 'pypy', 'onbuild')).toHaveProperty('unknown');
    expect(onbuildImage('django', 'django', 'python2-onbuild')).toMatchObject({ builder: 'python:2.7', expose: 'EXPOSE 8000' });
  });
});
