module.exports = {
  displayName: 'editor-feature-auth',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  // testTranslator reads LANGUAGES from @vestnik/contracts, whose DTO classes read reflect metadata at load.
  setupFiles: ['reflect-metadata'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/editor/feature-auth',
};
