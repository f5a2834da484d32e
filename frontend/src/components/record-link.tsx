/** A link to a record's detail page (`#/<kind>/<id>`). */
import type { ReactNode } from 'react';
import { formatHash } from '../routing/hash-route';

export type RecordKind = 'hardware' | 'runtime' | 'model' | 'result';

export function recordHref(kind: RecordKind, id: string): string {
    return formatHash([kind, id]);
}

export function RecordLink({ kind, id, children }: { kind: RecordKind; id: string; children: ReactNode }) {
    return <a href={recordHref(kind, id)}>{children}</a>;
}
