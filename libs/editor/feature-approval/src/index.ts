export * from './lib/approval-page';
