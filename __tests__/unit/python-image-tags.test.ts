import { majorOf, slimTagOf, tagParts } from '../../transforms/shared/interpreted/image-tags';

describe('tagParts', () => {
  test.each([
    ['3.11', '3.11', ''],
    ['3.11.4-slim-bookworm', '3.11.4', 'slim-bookworm'],
    ['3.10-7.3.17-bookworm', '3.10-7.3.17', 'bookworm'],
    ['3.13.0rc1-alpine3.20', '3.13.0rc1', 'alpine3.20'],
    ['bookworm', '', 'bookworm'],
    ['latest', '', ''],
  ])('%s', (tag, version, variant) => {
    expect(tagParts(tag)).toEqual({ version, variant });
  });
});

describe('slimTagOf', () => {
  test.each([
    ['3.11', '3.11-slim', 'glibc', false],
    [null, 'slim', 'glibc', false],
    ['3.12-bookworm', '3.12-slim-bookworm', 'glibc', false],
    ['bullseye', 'slim-bullseye', 'glibc', false],
    ['3.11-alpine3.19', '3.11-alpine3.19', 'musl', true],
    ['3.11-slim', '3.11-slim', 'glibc', true],
    ['3.2.2-bookworm', '3.2.2-slim-bookworm', 'glibc', false],
  ])('%s → %s', (tag, slim, libc, same) => {
    expect(slimTagOf(tag)).toEqual({ ok: true, tag: slim, libc, sameAsBuilder: same });
  });

  test('windows and unknown variants have no slim runtime', () => {
    expect(slimTagOf('3.11-windowsservercore-ltsc2022')).toEqual({ ok: false, reason: 'windows' });
    expect(slimTagOf('3.11-custom')).toEqual({ ok: false, reason: 'variant' });
  });
});

test('majorOf', () => {
  expect(majorOf('2.7.18-slim')).toBe(2);
  expect(majorOf('3')).toBe(3);
  expect(majorOf('latest')).toBeNull();
});
