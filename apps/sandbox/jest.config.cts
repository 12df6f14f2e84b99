module.exports = {
  displayName: 'sandbox',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  // Contract tests pace VK calls like production does (2.5/s), so a photo post takes seconds.
  testTimeout: 30000,
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/apps/sandbox',
};
