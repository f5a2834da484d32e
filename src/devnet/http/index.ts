/** The devnet's IC HTTP interface (https-interface.md), a thin node:http adapter over `Devnet`. */
export { startDevnetServer, DEFAULT_DEVNET_PORT, type DevnetServer, type DevnetServerOptions } from './server.js';
export { createRequestListener, type RequestRecordEvent } from './request-handler.js';
export { devnetPort } from './devnet-adapter.js';
export * from './limits.constants.js';
