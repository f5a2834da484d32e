/** Dev identity provider users the e2e setup prepares beyond `npm start`'s demo roles. */
/** Gets a quota of one request per day, so its second message is refused with QuotaExceeded. */
export const FRUGAL_USER = 'frugal';
export const FRUGAL_LIMITS = { requests_per_day: 1, tokens_per_day: 1_000_000n, cycles_per_day: 10_000_000_000_000n, requests_per_minute: 10 };
