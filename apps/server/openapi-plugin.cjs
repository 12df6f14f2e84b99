// The @nestjs/swagger compiler plugin describes every DTO and view class of libs/contracts in /api/docs
// (fields, types, class-validator limits, doc comments as descriptions) and each controller's answers.
// One set of options for the build (webpack) and the API tests (ts-jest), so both documents agree.
const plugin = require('@nestjs/swagger/plugin');

const options = {
  dtoFileNameSuffix: ['.dto.ts'],
  controllerFileNameSuffix: ['.controller.ts'],
  classValidatorShim: true,
  introspectComments: true,
};

module.exports = {
  options,
  // ts-jest's astTransformers contract
  name: 'vestnik-openapi',
  version: 2,
  // ts-jest's `compiler.program` stays its language service's first program, which knows none of the files
  // compiled since: a type from another file (a controller's answer class) would read as Object. Ask for the current one.
  factory: (compiler) => plugin.before(options, compiler._languageService?.getProgram() ?? compiler.program),
};
