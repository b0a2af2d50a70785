/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  // Fixture contexts hold package.json files of their own: not modules of this project.
  modulePathIgnorePatterns: ['<rootDir>/__tests__/__testfixtures__'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: ['TS151002'] } }],
  },
  testTimeout: 60000,
};
