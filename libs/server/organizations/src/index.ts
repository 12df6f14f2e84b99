export * from './lib/organizations.module';
export * from './lib/organizations.service';
export { effectiveTimezones, fourEyesRules, FOUR_EYES_BY_DEFAULT } from './lib/organization-view';
