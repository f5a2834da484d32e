/**
 * HTTP routes of the dev identity provider under `/_/identity/` (local networks only; the devnet server mounts them):
 * `GET /_/identity/` the page, `POST /_/identity/delegation` the JSON API.
 */
import type { IncomingMessage } from 'node:http';
import type { DevnetKeys } from '../certification/index.js';
import { readBody } from '../http/body.js';
import { textReply, type HttpReply } from '../http/http-reply.js';
import { issueDelegation } from './delegation-api.js';
import { providerSecretFrom } from './dev-identity.js';
import { PROVIDER_PAGE_HTML } from './provider-page.js';

export const IDENTITY_PROVIDER_PATH = '/_/identity/';
/** Delegation requests are small JSON documents. */
export const MAX_DELEGATION_REQUEST_BYTES = 64 * 1024;

export function identityProviderRoutes({ keys, nowNs }: { keys: DevnetKeys; nowNs: () => bigint }) {
    const providerSecret = providerSecretFrom(keys.secrets.rootSecret);
    return async (req: IncomingMessage, url: URL): Promise<HttpReply | undefined> => {
        if (url.pathname === '/_/identity') return { status: 308, headers: { Location: IDENTITY_PROVIDER_PATH } };
        if (url.pathname === IDENTITY_PROVIDER_PATH && req.method === 'GET') {
            return { status: 200, contentType: 'text/html; charset=utf-8', body: new TextEncoder().encode(PROVIDER_PAGE_HTML) };
        }
        if (url.pathname === `${IDENTITY_PROVIDER_PATH}delegation` && req.method === 'POST') {
            const body = await readBody(req, MAX_DELEGATION_REQUEST_BYTES);
            let json: unknown;
            try {
                json = JSON.parse(new TextDecoder().decode(body));
            } catch {
                return textReply(400, 'Invalid delegation request: body is not JSON');
            }
            const result = issueDelegation(json, { providerSecret, nowNs: nowNs(), rootKeyDer: keys.rootKeyDer });
            if (!result.ok) return textReply(400, `Invalid delegation request: ${result.message}`);
            return { status: 200, contentType: 'application/json', body: new TextEncoder().encode(JSON.stringify(result.response)) };
        }
        return undefined;
    };
}
