/**
 * Cycles fee of `http_request`, pricing version 1 ("legacy", the default): docs/references/cycle-costs.md
 * "HTTPS outcalls"; dfinity/ic CyclesAccountManager::http_request_fee. The fee does not depend on the mode
 * (replicated or not) under v1, and the reserved `max_response_bytes` is charged, not the actual size.
 * Pricing version 2 (pay-as-you-go) is not modelled: the devnet charges v1 for every request.
 */
import {
    HTTP_REQUEST_BASE_FEE_CYCLES,
    HTTP_REQUEST_PER_NODE_FEE_CYCLES,
    HTTP_REQUEST_PER_REQUEST_BYTE_FEE_CYCLES,
    HTTP_REQUEST_PER_RESPONSE_BYTE_FEE_CYCLES,
    MAX_HTTP_RESPONSE_BYTES
} from './limits.constants';

/**
 * @example httpRequestFee({ requestBytes: 4_000n, maxResponseBytes: 16_000n, subnetSize: 13 }) // 236_340_000n
 */
export function httpRequestFee(p: { requestBytes: bigint; maxResponseBytes: bigint | undefined; subnetSize: number }): bigint {
    const n = BigInt(p.subnetSize);
    const response = p.maxResponseBytes ?? MAX_HTTP_RESPONSE_BYTES;
    return (
        (HTTP_REQUEST_BASE_FEE_CYCLES + HTTP_REQUEST_PER_NODE_FEE_CYCLES * n) * n +
        HTTP_REQUEST_PER_REQUEST_BYTE_FEE_CYCLES * n * p.requestBytes +
        HTTP_REQUEST_PER_RESPONSE_BYTE_FEE_CYCLES * n * response
    );
}
