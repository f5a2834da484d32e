/**
 * Worker health over a sliding window of probes (pure): uptime = successes / probes, latency = mean of the
 * successful probes' round trips. The canister stores the window on-chain so anyone can audit it.
 */
import { HEALTH } from './router.constants';

export interface Probe {
    /** IC time of the probe, seconds. */
    readonly t_s: number;
    readonly ok: boolean;
    readonly latency_ms: number;
    /** Short reason for a failed probe. */
    readonly detail: string;
}

export interface HealthWindow {
    readonly probes: readonly Probe[];
}

export const EMPTY_WINDOW: HealthWindow = { probes: [] };

export function addProbe(w: HealthWindow, p: Probe, size: number = HEALTH.WINDOW_PROBES): HealthWindow {
    const probes = [...w.probes, p];
    return { probes: probes.length > size ? probes.slice(probes.length - size) : probes };
}

export interface HealthSummary {
    readonly probes: number;
    readonly uptime: number | null;
    readonly latency_ms: number | null;
    readonly last_ok_s: number | null;
}

export function summarize(w: HealthWindow): HealthSummary {
    const n = w.probes.length;
    if (n === 0) return { probes: 0, uptime: null, latency_ms: null, last_ok_s: null };
    const good = w.probes.filter((p) => p.ok);
    const latency = good.length === 0 ? null : Math.round(good.reduce((a, p) => a + p.latency_ms, 0) / good.length);
    const last = good.length === 0 ? null : (good[good.length - 1] as Probe).t_s;
    return { probes: n, uptime: good.length / n, latency_ms: latency, last_ok_s: last };
}

/** Routable unless the window is long enough to judge and the uptime is under the floor. */
export function isHealthy(s: HealthSummary, minUptime: number = HEALTH.MIN_UPTIME): boolean {
    if (s.probes < HEALTH.MIN_PROBES_FOR_UPTIME || s.uptime === null) return true;
    return s.uptime >= minUptime;
}
