export * from './lib/organizations.module';
export * from './lib/organizations.service';
export { effectiveTimezones } from './lib/organization-view';
