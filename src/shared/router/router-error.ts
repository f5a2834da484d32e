/** Router errors with stable codes (style.md §10.6); the canister maps them to a Candid variant. */
import type { Attempt } from './router.types';

export type RouterError =
    | { readonly code: 'Unauthorized'; readonly reason: string }
    | { readonly code: 'NotFound'; readonly entity: string; readonly id: string }
    | { readonly code: 'InvalidInput'; readonly field: string; readonly reason: string }
    | { readonly code: 'InputTooLong'; readonly field: string; readonly limit: number; readonly actual: number }
    | { readonly code: 'QuotaExceeded'; readonly resource: 'requests' | 'tokens' | 'cycles'; readonly used: bigint; readonly requested: bigint; readonly limit: bigint }
    | { readonly code: 'RateLimited'; readonly retry_after_s: number }
    | { readonly code: 'NoRoute'; readonly reason: string; readonly skipped: readonly Attempt[] }
    | { readonly code: 'AllRoutesFailed'; readonly attempts: readonly Attempt[] }
    | { readonly code: 'LimitExceeded'; readonly limit: string; readonly max: number }
    | { readonly code: 'Conflict'; readonly id: string; readonly reason: string };

export const invalid = (field: string, reason: string): RouterError => ({ code: 'InvalidInput', field, reason });
