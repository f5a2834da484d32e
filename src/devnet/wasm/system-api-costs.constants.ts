/**
 * Instructions the IC charges for System API calls, on top of the metered wasm code. For the engine
 * (src/devnet/core) to add to the counter global inside its ic0 functions, as the replica does in
 * `charge_for_cpu_and_mem` (dfinity/ic rs/embedders/src/wasmtime_embedder/linker.rs): fixed overhead plus a
 * per-byte part, 0 per byte on system subnets and 1 per byte on application subnets.
 * Fixed overheads: `system_api_complexity::overhead::new` (rs/embedders/src/wasmtime_embedder/system_api_complexity.rs).
 */

/** Fixed overhead per call, by ic0 import name. Calls missing here were not in the IC source read; charge 500. */
export const SYSTEM_API_OVERHEAD_INSTRUCTIONS: Readonly<Record<string, number>> = {
    accept_message: 500,
    call_cycles_add128: 500,
    call_data_append: 500,
    call_new: 1_500,
    call_on_cleanup: 500,
    call_perform: 5_000,
    canister_cycle_balance128: 500,
    canister_self_copy: 500,
    canister_self_size: 500,
    canister_status: 500,
    canister_version: 500,
    certified_data_set: 500,
    data_certificate_copy: 500,
    data_certificate_present: 500,
    data_certificate_size: 500,
    debug_print: 100,
    global_timer_set: 500,
    is_controller: 1_000,
    msg_arg_data_copy: 500,
    msg_arg_data_size: 500,
    msg_caller_copy: 500,
    msg_caller_size: 500,
    msg_cycles_accept128: 500,
    msg_cycles_available128: 500,
    msg_cycles_refunded128: 500,
    msg_method_name_copy: 500,
    msg_method_name_size: 500,
    msg_reject: 500,
    msg_reject_code: 500,
    msg_reject_msg_copy: 500,
    msg_reject_msg_size: 500,
    msg_reply: 500,
    msg_reply_data_append: 500,
    performance_counter: 200,
    stable64_grow: 500,
    stable64_read: 20,
    stable64_size: 20,
    stable64_write: 20,
    time: 500,
    trap: 500
};

/** Overhead assumed for ic0 calls missing from SYSTEM_API_OVERHEAD_INSTRUCTIONS (the IC's common value). */
export const DEFAULT_SYSTEM_API_OVERHEAD_INSTRUCTIONS = 500;

/**
 * Per-byte factor of payload bytes that leave the sandbox: `msg_reply_data_append`, `msg_reject` and
 * `call_data_append` charge 50 x size bytes; `*_copy` and `stable64_read/write` charge size bytes;
 * `call_new` charges callee_size + name_size bytes (linker.rs `BYTE_TRANSMISSION_COST_FACTOR`).
 */
export const BYTE_TRANSMISSION_COST_FACTOR = 50;

/** Fixed plus per-byte cost of one call on an application subnet (1 instruction per charged byte). */
export function systemApiCost(name: string, chargedBytes: number): bigint {
    const overhead = SYSTEM_API_OVERHEAD_INSTRUCTIONS[name] ?? DEFAULT_SYSTEM_API_OVERHEAD_INSTRUCTIONS;
    return BigInt(overhead) + BigInt(Math.max(0, Math.floor(chargedBytes)));
}
