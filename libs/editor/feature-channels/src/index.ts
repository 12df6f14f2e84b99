export * from './lib/channels-page';
export * from './lib/channel-connect-page';
