const nxPreset = require('@nx/jest/preset').default;

// Libraries whose behaviour is proven through the server's API tests have no specs of their own.
module.exports = { ...nxPreset, passWithNoTests: true };
