export * from './lib/plan-import-page';
