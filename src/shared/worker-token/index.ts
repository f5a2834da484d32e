export * from './token.constants';
export type * from './token.types';
export { encodeBase64Url, decodeBase64Url } from './base64url';
export { workerTokenSigningInput, workerTokenSigningBytes, encodeWorkerToken } from './token-encode';
export { verifyWorkerToken, verifyEd25519 } from './token-verify';
export { encodeUtf8, decodeUtf8 } from './utf8';
