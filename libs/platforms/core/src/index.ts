export * from './lib/channel';
export * from './lib/outcomes';
export * from './lib/adapter';
export * from './lib/http-failure';
export * from './lib/redact';
export * from './lib/content-checks';
export * from './lib/page-connector';
export * from './lib/request-pacer';
