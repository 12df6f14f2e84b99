export { OkAdapter, okTopicUrl, OK_CALL_SPACING_MS } from './lib/ok-adapter';
export type { OkAdapterOptions } from './lib/ok-adapter';
export { OK_ERROR_TABLE, mapOkError } from './lib/ok-errors';
export { okSignature } from './lib/ok-signature';
export { OkPageConnector, OK_OAUTH_SCOPE } from './lib/ok-page-connector';
export type { OkPageConnectorOptions } from './lib/ok-page-connector';
