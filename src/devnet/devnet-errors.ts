/**
 * Errors the Devnet API throws at its boundary (style §6: typed, coded). Rejections of calls are values
 * (`CallOutcome`); these are for misuse of the API and for helper methods that expect success.
 */
import type { CallOutcome } from './engine-api.js';

export type DevnetErrorCode = 'invalid_argument' | 'payload_too_large' | 'unknown_request' | 'call_rejected' | 'time_went_backwards';

export class DevnetError extends Error {
    constructor(
        readonly code: DevnetErrorCode,
        message: string,
        readonly outcome?: Extract<CallOutcome, { kind: 'rejected' }>
    ) {
        super(message);
        this.name = 'DevnetError';
    }

    static rejected(what: string, outcome: Extract<CallOutcome, { kind: 'rejected' }>): DevnetError {
        return new DevnetError('call_rejected', `${what} was rejected (${outcome.errorCode || `code ${outcome.rejectCode}`}): ${outcome.rejectMessage}`, outcome);
    }
}
