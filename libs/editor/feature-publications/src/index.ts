export * from './lib/attention-page';
export * from './lib/post-publications';
export * from './lib/publication-actions';
export { publicationReason, channelReason } from './lib/publication-texts';
