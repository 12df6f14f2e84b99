module.exports = {
  displayName: 'server-media',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  // Contracts hold decorated DTO classes; Nest loads this polyfill in the app.
  setupFiles: ['reflect-metadata'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/server/media',
};
