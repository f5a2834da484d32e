/** A route as compact JSON text, stored beside the assistant message it produced. */
import type { RouteInfo } from './route-round';

export function routeJson(r: RouteInfo): string {
    return JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
}
