module.exports = {
  displayName: 'editor-feature-channels',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  // @vestnik/contracts DTO classes use class-transformer decorators, which read reflect metadata at load.
  setupFiles: ['reflect-metadata'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // The norms take only the plural helper from the ui lib, whose barrel pulls Angular's ES modules (not transformed here).
  moduleNameMapper: { '^@vestnik/editor/ui$': '<rootDir>/../ui/src/lib/russian-plural.ts' },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/editor/feature-channels',
};
