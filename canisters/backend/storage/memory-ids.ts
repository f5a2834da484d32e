/**
 * StableBTreeMap memory ids. Never renumber or reuse an id: stable memory outlives the code.
 * 0‥253 are ours; 254 and 255 belong to Azle and ic-stable-structures.
 */
export const MEMORY_IDS = {
    meta: 0,
    hardware: 1,
    runtimes: 2,
    models: 3,
    benchmarks: 4,
    variantOwners: 5,
    indexNodes: 6,
    proposals: 7,
    audit: 8,
    roles: 9,
    // 10‥19 reserved for the registry
    conversations: 20,
    messages: 21,
    workers: 22,
    usage: 23,
    quotas: 24,
    routerConfig: 25,
    workerHealth: 26,
    // 27‥29 reserved for the router
    conversationIndex: 30,
    routeStats: 31
} as const;
