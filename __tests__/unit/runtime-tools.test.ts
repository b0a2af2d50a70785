import { busyboxNcAccepts, busyboxWgetAccepts, curlAsWget, durationSeconds, installLine } from '../../transforms/shared/tools';

describe('curl as busybox wget', () => {
  test('-f with one http URL maps; the body goes where curl sent it', () => {
    expect(curlAsWget(['-fsS', 'http://localhost:8080/health'], 30)).toEqual(['wget', '-q', '-O', '-', 'http://localhost:8080/health']);
    expect(curlAsWget(['--fail', '-o', '/dev/null', 'http://x/'], 30)).toEqual(['wget', '-q', '-O', '/dev/null', 'http://x/']);
  });
  test('without -f curl succeeds on an HTTP error: no mapping', () => {
    expect(curlAsWget(['-s', 'http://localhost/'], 30)).toBeNull();
  });
  test('a timeout shorter than the check decides the result: no mapping; a longer one never does', () => {
    expect(curlAsWget(['-f', '-m', '3', 'http://x/'], 10)).toBeNull();
    expect(curlAsWget(['-f', '--max-time', '10', 'http://x/'], 5)).toEqual(['wget', '-q', '-O', '-', 'http://x/']);
    expect(curlAsWget(['-fm5', 'http://x/'], null)).toBeNull();
  });
  test('flags wget has no match for, https, or two URLs: no mapping', () => {
    expect(curlAsWget(['-f', '-H', 'X: y', 'http://x/'], 30)).toBeNull();
    expect(curlAsWget(['-f', 'https://x/'], 30)).toBeNull();
    expect(curlAsWget(['-f', 'http://x/', 'http://y/'], 30)).toBeNull();
    expect(curlAsWget(['-f', '-o', 'out.html', 'http://x/'], 30)).toBeNull();
  });
});

describe('busybox applets', () => {
  test('wget: its own flags only', () => {
    expect(busyboxWgetAccepts(['-qO-', 'http://x/'])).toBe(true);
    expect(busyboxWgetAccepts(['-q', '--spider', 'http://x/'])).toBe(true);
    expect(busyboxWgetAccepts(['--tries=1', '--spider', 'http://x/'])).toBe(false);
    expect(busyboxWgetAccepts(['-T', '5', 'http://x/'])).toBe(false);
  });
  test('nc: no -z', () => {
    expect(busyboxNcAccepts(['-z', 'localhost', '8080'])).toBe(false);
    expect(busyboxNcAccepts(['-w', '2', 'localhost', '8080'])).toBe(true);
  });
});

test('install lines clean up as the builder family does', () => {
  expect(installLine('alpine', ['curl'])).toBe('RUN apk add --no-cache curl');
  expect(installLine('debian', ['wget', 'curl'])).toBe('RUN apt-get update && apt-get install -y --no-install-recommends curl wget && rm -rf /var/lib/apt/lists/*');
});

test('Docker durations', () => {
  expect(durationSeconds('1m30s')).toBe(90);
  expect(durationSeconds('500ms')).toBe(0.5);
  expect(durationSeconds('x')).toBeNull();
});
