export { VkAdapter, publishCalls as vkPublishCalls } from './lib/vk-adapter';
export { VK_CALL_SPACING_MS, VK_RATE } from './lib/vk-pacer';
export type { VkAdapterOptions } from './lib/vk-adapter';
export { VK_ERROR_TABLE, mapVkError } from './lib/vk-errors';
export { guidForPublication, formatVkRemoteId, parseVkRemoteId, numericGroupId, vkPostUrl, VK_GUID_WINDOW_MS } from './lib/vk-ids';
export { VK_API_VERSION } from './lib/vk-api';
export { VkPageConnector, VK_ID_SCOPE } from './lib/vk-page-connector';
export type { VkPageConnectorOptions } from './lib/vk-page-connector';
