module.exports = {
  displayName: 'server',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', astTransformers: { before: ['<rootDir>/openapi-plugin.cjs'] } }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/apps/server',
  // One throw-away embedded PostgreSQL per run; every test file makes its own database in it.
  globalSetup: '<rootDir>/../../libs/server/testing/src/lib/global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/server/testing/src/lib/global-teardown.ts',
  testTimeout: 60000,
};
