/**
 * Remembers who sent each ingress update and to which effective canister, for read_state permission checks
 * (https-interface.md §"Request: Read state": request_status paths only for the request's own sender). Bounded.
 */
import { MAX_TRACKED_REQUESTS } from './limits.constants.js';

export interface TrackedRequest {
    sender: Uint8Array;
    effectiveCanisterId: Uint8Array;
}

export class RequestRegistry {
    readonly #requests = new Map<string, TrackedRequest>();
    constructor(private readonly capacity = MAX_TRACKED_REQUESTS) {}

    remember(requestIdHex: string, request: TrackedRequest): void {
        this.#requests.delete(requestIdHex);
        this.#requests.set(requestIdHex, request);
        if (this.#requests.size > this.capacity) this.#requests.delete(this.#requests.keys().next().value!);
    }

    get(requestIdHex: string): TrackedRequest | undefined {
        return this.#requests.get(requestIdHex);
    }
}
