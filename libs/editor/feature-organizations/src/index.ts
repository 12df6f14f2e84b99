export * from './lib/organizations-page';
