module.exports = {
  displayName: 'server-auth',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  // Contracts' DTO classes carry class-transformer decorators, which need the metadata polyfill.
  setupFiles: ['reflect-metadata'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/server/auth',
};
