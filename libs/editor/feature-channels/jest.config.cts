module.exports = {
  displayName: 'editor-feature-channels',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  // @vestnik/contracts DTO classes use class-transformer decorators, which read reflect metadata at load.
  setupFiles: ['reflect-metadata'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/editor/feature-channels',
};
