/**
 * The error a test actor throws when a call is rejected; carries the IC reject code and error code so tests can
 * branch on them instead of matching message text.
 */
import type { RejectCode } from '../engine-api.js';

export class CanisterCallError extends Error {
    constructor(
        readonly method: string,
        readonly rejectCode: RejectCode,
        readonly errorCode: string,
        readonly rejectMessage: string
    ) {
        super(`${method} rejected (${errorCode || `reject code ${rejectCode}`}): ${rejectMessage}`);
        this.name = 'CanisterCallError';
    }
}
