import { parseImageRef } from '../../src/image-ref';
import { builderTagOfOnbuild, distrolessImage, isOnbuildTag, majorOfTag, pruneFlag, runtimeVariant, slimImage, slimTag, splitRaw } from '../../transforms/node/image-tags';

describe('node image tags', () => {
  test.each([
    ['onbuild', true], ['8-onbuild', true], ['8.9.4-onbuild', true], ['boron-onbuild', true], ['20', false], [null, false], ['onbuilder', false],
  ])('isOnbuildTag(%s) → %s', (tag, expected) => expect(isOnbuildTag(tag)).toBe(expected));

  test('onbuild tags stand for the same version, bare onbuild for the last line', () => {
    expect(builderTagOfOnbuild('node', 'onbuild')).toBe('8');
    expect(builderTagOfOnbuild('node', '6.11-onbuild')).toBe('6.11');
    expect(builderTagOfOnbuild('node', 'carbon-onbuild')).toBe('carbon');
    expect(builderTagOfOnbuild('iojs', 'onbuild')).toBe('3.3');
  });

  test.each([
    ['20', 20], ['20.11.1', 20], ['20-bookworm', 20], ['18-alpine3.19', 18], ['iron', 20], ['hydrogen-slim', 18], ['0.12', 0],
    ['lts', null], ['latest', null], [null, null],
  ])('majorOfTag(%s) → %s', (tag, expected) => expect(majorOfTag('node', tag)).toBe(expected));

  test('io.js has no node major', () => expect(majorOfTag('iojs', '3.3')).toBeNull());

  test.each([
    ['20', '20-slim'], ['20-bookworm', '20-bookworm-slim'], ['lts', 'lts-slim'], ['latest', 'slim'], [null, 'slim'],
    ['20-slim', '20-slim'], ['20-bookworm-slim', '20-bookworm-slim'], ['20-alpine3.19', '20-alpine3.19'], ['alpine', 'alpine'],
  ])('slimTag(%s) → %s', (tag, expected) => expect(slimTag(tag)).toBe(expected));

  test('runtimeVariant', () => {
    expect(runtimeVariant('20-slim')).toBe('slim');
    expect(runtimeVariant('slim')).toBe('slim');
    expect(runtimeVariant('20-alpine')).toBe('alpine');
    expect(runtimeVariant('20-bookworm')).toBeNull();
  });

  test('splitRaw keeps variables and ignores colons inside ${…}', () => {
    expect(splitRaw('node:${V}')).toEqual({ repo: 'node', tag: '${V}' });
    expect(splitRaw('node:${V:-20}')).toEqual({ repo: 'node', tag: '${V:-20}' });
    expect(splitRaw('${IMG:-node}')).toEqual({ repo: '${IMG:-node}', tag: null });
    expect(splitRaw('localhost:5000/node:20@sha256:abc')).toEqual({ repo: 'localhost:5000/node', tag: '20' });
  });

  test('slimImage keeps registry, repository and a variable tag', () => {
    expect(slimImage('node:20', parseImageRef('node:20'))).toBe('node:20-slim');
    expect(slimImage('node:${V}', parseImageRef('node:20.11.1'))).toBe('node:${V}-slim');
    expect(slimImage('node:${V}', parseImageRef('node:20-alpine'))).toBe('node:20-alpine');
    expect(slimImage('mirror.example/library/node:18@sha256:abc', parseImageRef('mirror.example/library/node:18@sha256:abc'))).toBe('mirror.example/library/node:18-slim');
    expect(slimImage('node', parseImageRef('node'))).toBe('node:slim');
  });

  test('distroless image and prune flag per npm generation', () => {
    expect(distrolessImage(20, true)).toBe('gcr.io/distroless/nodejs20-debian12:nonroot');
    expect(distrolessImage(22, false)).toBe('gcr.io/distroless/nodejs22-debian12');
    expect(pruneFlag('node', 8)).toBe('--production');
    expect(pruneFlag('node', 14)).toBe('--production');
    expect(pruneFlag('node', 16)).toBe('--omit=dev');
    expect(pruneFlag('node', null)).toBe('--omit=dev');
    expect(pruneFlag('iojs', null)).toBe('--production');
  });
});
