/**
 * Decoding of request envelopes (requests.cddl; https-interface.md §"Envelope"): strict field checks with
 * clear 400 messages, and the request id over the content map as received.
 */
import { cborDecode, isCborMap, requestId, toHex, type CborMap, type CborValue } from '../certification/index.js';
import { HttpError, badRequest } from './http-error.js';
import { MAX_INGRESS_PAYLOAD_BYTES, MAX_METHOD_NAME_BYTES, MAX_NONCE_BYTES, MAX_PATH_LABELS, MAX_PRINCIPAL_BYTES, MAX_READ_STATE_PATHS } from './limits.constants.js';

export type RequestType = 'call' | 'query' | 'read_state';

interface EnvelopeCommon {
    sender: Uint8Array;
    ingressExpiry: bigint;
    requestId: Uint8Array;
    requestIdHex: string;
    senderPubkey?: CborValue;
    senderSig?: CborValue;
    senderDelegation?: CborValue;
}
export interface CallEnvelope extends EnvelopeCommon {
    type: 'call' | 'query';
    canisterId: Uint8Array;
    methodName: string;
    arg: Uint8Array;
}
export interface ReadStateEnvelope extends EnvelopeCommon {
    type: 'read_state';
    paths: Uint8Array[][];
}

export function decodeEnvelope(body: Uint8Array, expected: 'call' | 'query'): CallEnvelope;
export function decodeEnvelope(body: Uint8Array, expected: 'read_state'): ReadStateEnvelope;
export function decodeEnvelope(body: Uint8Array, expected: RequestType): CallEnvelope | ReadStateEnvelope {
    let decoded: CborValue;
    try {
        decoded = cborDecode(body);
    } catch (e) {
        throw badRequest(`Could not parse body as ${expected} message: ${(e as Error).message}`);
    }
    if (!isCborMap(decoded) || !isCborMap(decoded.content)) throw badRequest(`Could not parse body as ${expected} message: missing content map`);
    const content = decoded.content;
    if (content.request_type !== expected) {
        throw badRequest(`Could not parse body as ${expected} message: request_type is ${JSON.stringify(content.request_type ?? null)}`);
    }
    for (const key of Object.keys(decoded)) {
        if (!['content', 'sender_pubkey', 'sender_sig', 'sender_delegation'].includes(key)) throw badRequest(`Unexpected envelope field '${key}'`);
    }
    const id = requestId(content);
    const common: EnvelopeCommon = {
        sender: principalField(content, 'sender'),
        ingressExpiry: natField(content, 'ingress_expiry'),
        requestId: id,
        requestIdHex: toHex(id),
        senderPubkey: decoded.sender_pubkey,
        senderSig: decoded.sender_sig,
        senderDelegation: decoded.sender_delegation
    };
    if (content.nonce !== undefined && (!(content.nonce instanceof Uint8Array) || content.nonce.length > MAX_NONCE_BYTES)) {
        throw badRequest(`Invalid nonce: must be a blob of at most ${MAX_NONCE_BYTES} bytes`);
    }
    if (expected === 'read_state') return { ...common, type: 'read_state', paths: pathsField(content) };
    const methodName = content.method_name;
    if (typeof methodName !== 'string' || Buffer.byteLength(methodName) > MAX_METHOD_NAME_BYTES) throw badRequest('Invalid method_name: must be text');
    if (!(content.arg instanceof Uint8Array)) throw badRequest('Invalid arg: must be a blob');
    if (content.arg.length > MAX_INGRESS_PAYLOAD_BYTES) {
        throw new HttpError(413, `Request ${toHex(id)} is too large: the arg is ${content.arg.length} bytes; the ingress limit is ${MAX_INGRESS_PAYLOAD_BYTES} bytes.`);
    }
    return { ...common, type: expected, canisterId: principalField(content, 'canister_id'), methodName, arg: content.arg };
}

function principalField(content: CborMap, key: string): Uint8Array {
    const v = content[key];
    if (!(v instanceof Uint8Array) || v.length > MAX_PRINCIPAL_BYTES) throw badRequest(`Invalid ${key}: must be a principal blob of at most ${MAX_PRINCIPAL_BYTES} bytes`);
    return v;
}

function natField(content: CborMap, key: string): bigint {
    const v = content[key];
    if ((typeof v !== 'number' || !Number.isInteger(v) || v < 0) && typeof v !== 'bigint') throw badRequest(`Invalid ${key}: must be a nat64`);
    return BigInt(v);
}

function pathsField(content: CborMap): Uint8Array[][] {
    const paths = content.paths;
    if (!Array.isArray(paths)) throw badRequest('Invalid paths: must be an array');
    if (paths.length > MAX_READ_STATE_PATHS) throw new HttpError(400, `Too many paths requested: ${paths.length} > ${MAX_READ_STATE_PATHS}`);
    return paths.map((path: CborValue) => {
        if (!Array.isArray(path) || path.length > MAX_PATH_LABELS || !path.every((l: CborValue) => l instanceof Uint8Array)) {
            throw badRequest(`Invalid path: must be an array of at most ${MAX_PATH_LABELS} blob labels`);
        }
        return path as Uint8Array[];
    });
}
