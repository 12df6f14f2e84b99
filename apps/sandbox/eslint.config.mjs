import baseConfig from '../../eslint.config.mjs';

// Contract tests are the one place where the sandbox meets the adapters it emulates platforms for:
// only there may sandbox files import scope:platforms libs. The app code itself stays scope:shared-only.
const boundaries = baseConfig.find((config) => config.rules?.['@nx/enforce-module-boundaries'])?.rules['@nx/enforce-module-boundaries'];
if (!boundaries) throw new Error('root eslint config has no @nx/enforce-module-boundaries rule');
const [level, options] = boundaries;
const contractConstraints = options.depConstraints.map((constraint) =>
  constraint.sourceTag === 'scope:sandbox'
    ? { ...constraint, onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'scope:platforms'] }
    : constraint,
);

export default [
  ...baseConfig,
  {
    files: ['src/contract/**/*.spec.ts'],
    rules: { '@nx/enforce-module-boundaries': [level, { ...options, depConstraints: contractConstraints }] },
  },
];
