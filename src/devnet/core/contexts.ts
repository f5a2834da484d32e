/**
 * Execution contexts and which System API imports each may call
 * (ic-interface spec canister-interface.md §"Overview of imports"; abstract-behavior.md §"System imports").
 */

export type ContextKind = 'I' | 'G' | 'U' | 'RQ' | 'NRQ' | 'TQ' | 'CQ' | 'Ry' | 'Rt' | 'CRy' | 'CRt' | 'C' | 'CC' | 'F' | 'T';

const ALL: readonly ContextKind[] = ['I', 'G', 'U', 'RQ', 'NRQ', 'TQ', 'CQ', 'Ry', 'Rt', 'CRy', 'CRt', 'C', 'CC', 'F', 'T'];
const RESPOND: readonly ContextKind[] = ['U', 'RQ', 'NRQ', 'TQ', 'CQ', 'Ry', 'Rt', 'CRy', 'CRt'];
const CALL: readonly ContextKind[] = ['U', 'CQ', 'Ry', 'Rt', 'CRy', 'CRt', 'T'];

/** Allowed contexts per import name (without the `ic0.` prefix). */
const ALLOWED: Record<string, readonly ContextKind[]> = {
    msg_arg_data_size: ['I', 'U', 'RQ', 'NRQ', 'TQ', 'CQ', 'Ry', 'CRy', 'F'],
    msg_arg_data_copy: ['I', 'U', 'RQ', 'NRQ', 'TQ', 'CQ', 'Ry', 'CRy', 'F'],
    msg_caller_size: ALL,
    msg_caller_copy: ALL,
    msg_reject_code: ['Ry', 'Rt', 'CRy', 'CRt', 'C', 'CC'],
    msg_reject_msg_size: ['Rt', 'CRt'],
    msg_reject_msg_copy: ['Rt', 'CRt'],
    msg_reply_data_append: RESPOND,
    msg_reply: RESPOND,
    msg_reject: RESPOND,
    msg_cycles_available128: ['U', 'RQ', 'Rt', 'Ry'],
    msg_cycles_refunded128: ['Rt', 'Ry'],
    msg_cycles_accept128: ['U', 'RQ', 'Rt', 'Ry'],
    cycles_burn128: ['I', 'G', 'U', 'RQ', 'Ry', 'Rt', 'C', 'T'],
    canister_self_size: ALL,
    canister_self_copy: ALL,
    canister_cycle_balance128: ALL,
    canister_liquid_cycle_balance128: ALL,
    canister_version: ALL,
    msg_method_name_size: ['F'],
    msg_method_name_copy: ['F'],
    accept_message: ['F'],
    call_new: CALL,
    call_on_cleanup: CALL,
    call_data_append: CALL,
    call_with_best_effort_response: CALL,
    call_perform: CALL,
    call_cycles_add128: ['U', 'Ry', 'Rt', 'T'],
    cost_call: ALL,
    stable64_size: ALL,
    stable64_grow: ALL,
    stable64_write: ALL,
    stable64_read: ALL,
    is_controller: ALL,
    time: ALL,
    global_timer_set: ['I', 'G', 'U', 'Ry', 'Rt', 'C', 'T'],
    performance_counter: ALL,
    in_replicated_execution: ALL,
    certified_data_set: ['I', 'G', 'U', 'Ry', 'Rt', 'T'],
    data_certificate_present: ALL,
    data_certificate_size: ['NRQ', 'CQ'],
    data_certificate_copy: ['NRQ', 'CQ'],
    debug_print: ALL,
    trap: ALL
};

/** The replica's name for each context in contract-violation messages (`ApiType` display). */
const CONTEXT_NAMES: Record<ContextKind, string> = {
    I: 'init',
    G: 'pre upgrade',
    U: 'update',
    RQ: 'replicated query',
    NRQ: 'non replicated query',
    TQ: 'transform',
    CQ: 'composite query',
    Ry: 'reply callback',
    Rt: 'reject callback',
    CRy: 'composite reply callback',
    CRt: 'composite reject callback',
    C: 'cleanup',
    CC: 'composite cleanup',
    F: 'inspect message',
    T: 'system task'
};

export function isAllowed(api: string, kind: ContextKind): boolean {
    return ALLOWED[api]?.includes(kind) ?? false;
}

export function violationText(api: string, kind: ContextKind): string {
    return `"ic0_${api}" cannot be executed in ${CONTEXT_NAMES[kind]} mode`;
}

/** in_replicated_execution: 1 in I G U RQ Ry Rt C T; 0 in NRQ TQ CQ CRy CRt CC F. */
export function isReplicated(kind: ContextKind): boolean {
    return ['I', 'G', 'U', 'RQ', 'Ry', 'Rt', 'C', 'T'].includes(kind);
}

/** Contexts whose state changes are kept when they complete without trapping. */
export function persistsState(kind: ContextKind): boolean {
    return ['I', 'G', 'U', 'Ry', 'Rt', 'C', 'T'].includes(kind);
}

export const IMPORT_NAMES: readonly string[] = Object.keys(ALLOWED);
