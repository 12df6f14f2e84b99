/**
 * The contracts' enumerations alone (platforms, roles, rubrics, statuses): a light entry point for
 * code that needs them without the request and view classes (and their decorators), such as
 * `libs/platforms/rules`.
 */
export * from './lib/enums';
