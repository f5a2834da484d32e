/**
 * Who may do what. Controllers manage roles and import data; curators approve or reject proposals;
 * any signed-in (non-anonymous) principal is a contributor; anonymous callers only read.
 */
import { isController, type Principal, StableBTreeMap } from 'azle';

import type { RegistryError } from '../../../src/shared/registry/types';
import { plainJson, utf8Key } from '../storage/json-serializable';
import { MEMORY_IDS } from '../storage/memory-ids';

export const ROLES = ['curator', 'operator'] as const;
export type Role = (typeof ROLES)[number];
export const MAX_ROLE_HOLDERS = 1_000;

/** principal text → roles granted by controllers. */
const grants = new StableBTreeMap<string, Role[]>(MEMORY_IDS.roles, utf8Key, plainJson);

export type Level = 'anonymous' | 'contributor' | 'curator' | 'controller';

export function levelOf(caller: Principal): Level {
    if (caller.isAnonymous()) return 'anonymous';
    if (isController(caller)) return 'controller';
    if (grants.get(caller.toText())?.includes('curator')) return 'curator';
    return 'contributor';
}

const RANK: Record<Level, number> = { anonymous: 0, contributor: 1, curator: 2, controller: 3 };

/** null when `caller` has at least `needed`, else the Unauthorized error to return. */
export function require(caller: Principal, needed: Exclude<Level, 'anonymous'>): RegistryError | null {
    const level = levelOf(caller);
    if (RANK[level] >= RANK[needed]) return null;
    const who = level === 'anonymous' ? 'anonymous callers' : `${level}s`;
    return { code: 'Unauthorized', reason: `${who} cannot do this; it needs a ${needed}${needed === 'contributor' ? ' (sign in)' : ''}` };
}

export function hasRole(principal: Principal, role: Role): boolean {
    return grants.get(principal.toText())?.includes(role) ?? false;
}

export function rolesOf(principal: string): Role[] {
    return grants.get(principal) ?? [];
}

export function setRoles(principal: string, roles: Role[]): Role[] {
    const previous = grants.get(principal) ?? [];
    if (roles.length === 0) grants.remove(principal);
    else grants.insert(principal, [...new Set(roles)].sort());
    return previous;
}

export function roleHolderCount(): number {
    return Number(grants.len());
}

export function listGrants(startIndex: number, limit: number): [string, Role[]][] {
    return grants.items(startIndex, limit);
}
