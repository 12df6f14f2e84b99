export * from './lib/organizations.module';
export * from './lib/organizations.service';
