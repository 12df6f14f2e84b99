export * from './lib/posts-page';
export * from './lib/post-composer';
export * from './lib/unsaved-changes.guard';
