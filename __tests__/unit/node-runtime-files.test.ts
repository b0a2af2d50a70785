import { runtimePieces } from '../../transforms/node/runtime-files';

describe('runtimePieces', () => {
  const files = [
    'package.json', 'package-lock.json', 'tsconfig.json', 'README.md', '.env', '.npmrc', 'Dockerfile', '.dockerignore',
    'src/main.ts', 'src/views/home.html', 'test/a.test.ts', 'public/index.html', 'public/app.css', 'config/default.json',
    'config/tsconfig.base.json', 'jest.config.js', 'vendor/greet/index.js', 'vendor/greet/package.json', 'tools/tsc/bin/tsc', 'data/seed.spec.js', 'data/rows.csv',
  ];

  test('keeps runtime files, whole folders where a folder holds only runtime files', () => {
    expect(runtimePieces(files, ['build', 'src', 'tools/tsc']).paths).toEqual([
      '.env', 'config/default.json', 'data/rows.csv', 'public', 'vendor/greet/index.js',
    ]);
  });

  test('an excluded folder is never copied, even partly', () => {
    expect(runtimePieces(['dist/a.js', 'dist/b.js', 'lib/x.js'], ['dist']).paths).toEqual(['lib']);
  });

  test('nothing but build files: nothing to copy', () => {
    expect(runtimePieces(['package.json', 'tsconfig.json', 'src/a.ts'], ['src']).paths).toEqual([]);
  });
});
