/**
 * Canister metadata: custom sections named `icp:public <name>` / `icp:private <name>`
 * (canister-interface.md §"WebAssembly module requirements"; at most 16 sections, 1 MiB in all).
 */
const cache = new WeakMap<WebAssembly.Module, { public: Map<string, Uint8Array>; private: Map<string, Uint8Array> }>();

/** Well-known metadata names; WebAssembly.Module cannot list custom section names, so we probe these. */
const KNOWN_NAMES = ['candid:service', 'candid:args', 'cdk:name', 'dfx', 'supported_certificate_versions', 'motoko:stable-types', 'motoko:compiler', 'git_commit_id'];

export function customSections(module: WebAssembly.Module, extraNames: readonly string[] = []): { public: Map<string, Uint8Array>; private: Map<string, Uint8Array> } {
    const hit = cache.get(module);
    if (hit !== undefined && extraNames.length === 0) return hit;
    const result = { public: new Map<string, Uint8Array>(), private: new Map<string, Uint8Array>() };
    for (const name of [...KNOWN_NAMES, ...extraNames]) {
        for (const visibility of ['public', 'private'] as const) {
            const sections = WebAssembly.Module.customSections(module, `icp:${visibility} ${name}`);
            if (sections.length > 0) result[visibility].set(name, new Uint8Array(sections[0]!));
        }
    }
    if (extraNames.length === 0) cache.set(module, result);
    return result;
}
