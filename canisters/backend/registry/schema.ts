/**
 * Stable-state schema version and migrations. post_upgrade runs every migration between the stored
 * version and SCHEMA_VERSION in order; each migration must be idempotent and bounded.
 */
import { meta } from '../storage/stores';

export const SCHEMA_VERSION = 1;

type Migration = { to: number; run: () => void };

/** Append new migrations here; never edit or remove a released one. */
const MIGRATIONS: Migration[] = [];

export function storedSchemaVersion(): number {
    return (meta.get('schema_version') as number | undefined) ?? 0;
}

/** Brings stored state to SCHEMA_VERSION; returns the versions it migrated through. */
export function migrate(): number[] {
    const applied: number[] = [];
    let version = storedSchemaVersion();
    for (const m of MIGRATIONS) {
        if (m.to <= version) continue;
        m.run();
        version = m.to;
        applied.push(m.to);
    }
    meta.insert('schema_version', SCHEMA_VERSION);
    return applied;
}
