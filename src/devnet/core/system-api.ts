/**
 * The 44 `ic0` imports Azle-built canisters use (ic-interface spec canister-interface.md §"System API imports";
 * pseudo-code in abstract-behavior.md §"System imports"). Each import checks its context first, charges a
 * host cost to the instruction counter, and records effects in the ExecContext; nothing is applied here.
 */
import { Principal } from '@dfinity/principal';
import { CanisterTrap } from './errors.js';
import { isAllowed, isReplicated, violationText } from './contexts.js';
import type { ExecContext } from './exec-context.js';
import { isController, memoryUsage } from './canister-state.js';
import { callCost, freezingLimit, liquidBalance } from './cycles.js';
import {
    MAX_CALL_TIMEOUT_SECONDS,
    MAX_CERTIFIED_DATA_BYTES,
    MAX_INTER_CANISTER_PAYLOAD_BYTES,
    MAX_PRINCIPAL_BYTES,
    NS_PER_SECOND,
    STABLE_API_BASE_INSTRUCTIONS,
    SYSTEM_API_BASE_INSTRUCTIONS,
    SYSTEM_API_INSTRUCTIONS_PER_BYTE
} from './limits.constants.js';
import type { Ic0Imports } from './wasm-instance.js';

export interface SystemApiHost {
    /** The message running on this canister, or undefined outside executions (then every import traps). */
    current(): ExecContext | undefined;
    subnetSize: number;
    appendLog(ctx: ExecContext, content: Uint8Array): void;
}

const U64 = (v: bigint): bigint => BigInt.asUintN(64, v);
const utf8 = new TextDecoder('utf-8', { fatal: false });
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function violation(api: string, detail: string): CanisterTrap {
    return new CanisterTrap('contract-violation', `ic0.${api}: ${detail}`);
}

export function createIc0Imports(host: SystemApiHost): Ic0Imports {
    /** Context check + host cost; returns the running context. */
    const enter = (api: string, bytes = 0): ExecContext => {
        const ctx = host.current();
        if (ctx === undefined) throw violation(api, 'called outside of a message execution');
        if (!isAllowed(api, ctx.kind)) throw new CanisterTrap('contract-violation', violationText(api, ctx.kind));
        charge(ctx, SYSTEM_API_BASE_INSTRUCTIONS + SYSTEM_API_INSTRUCTIONS_PER_BYTE * BigInt(bytes));
        return ctx;
    };
    const charge = (ctx: ExecContext, n: bigint): void => {
        const instance = ctx.canister.code?.instance;
        if (instance?.counter === undefined) {
            ctx.hostInstructions += n;
            if (ctx.hostInstructions > ctx.instructionLimit) throw new CanisterTrap('out-of-instructions', '');
            return;
        }
        instance.addInstructions(n);
        if (instance.instructions > ctx.instructionLimit) throw new CanisterTrap('out-of-instructions', '');
    };
    const memory = (ctx: ExecContext): Uint8Array => {
        const instance = ctx.canister.code?.instance;
        if (instance === undefined) throw violation('memory', 'no instance');
        return new Uint8Array(instance.memory.buffer);
    };
    const readMem = (ctx: ExecContext, src: number, size: number): Uint8Array => {
        const mem = memory(ctx);
        if (src + size > mem.length) throw new CanisterTrap('wasm-trap', 'heap out of bounds');
        return mem.slice(src, src + size);
    };
    const writeMem = (ctx: ExecContext, dst: number, data: Uint8Array): void => {
        const mem = memory(ctx);
        if (dst + data.length > mem.length) throw new CanisterTrap('wasm-trap', 'heap out of bounds');
        mem.set(data, dst);
    };
    /** The `*_copy(dst, offset, size)` pattern: bounds-check the source blob, then the heap. */
    const copyOut = (api: string, ctx: ExecContext, data: Uint8Array, dst: number, offset: number, size: number): void => {
        if (offset + size > data.length) throw violation(api, `src=${offset} + length=${size} exceeds the slice size=${data.length}`);
        writeMem(ctx, dst, data.subarray(offset, offset + size));
    };
    const writeU128 = (ctx: ExecContext, dst: number, value: bigint): void => {
        const out = new Uint8Array(16);
        let v = value < 0n ? 0n : value;
        for (let i = 0; i < 16; i++) {
            out[i] = Number(v & 0xffn);
            v >>= 8n;
        }
        writeMem(ctx, dst, out);
    };
    const balance = (ctx: ExecContext): bigint => {
        const pending = ctx.pendingCall?.cycles ?? 0n;
        const value = ctx.canister.cycles + ctx.cyclesAccepted + ctx.balanceDelta - pending;
        return value > 0n ? value : 0n;
    };
    const liquid = (ctx: ExecContext): bigint =>
        liquidBalance(balance(ctx), freezingLimit(memoryUsage(ctx.canister), ctx.canister.settings.freezingThreshold, host.subnetSize));
    const responded = (ctx: ExecContext): boolean => ctx.response !== undefined || (ctx.callContext?.responded ?? false);
    const instructionsSoFar = (ctx: ExecContext): bigint => (ctx.canister.code?.instance.instructions ?? 0n) + ctx.hostInstructions;

    const imports = {
        // ---- message arguments and caller ----
        msg_arg_data_size: (): number => enter('msg_arg_data_size').arg.length,
        msg_arg_data_copy: (dst: number, offset: number, size: number): void => {
            const ctx = enter('msg_arg_data_copy', size >>> 0);
            copyOut('msg_arg_data_copy', ctx, ctx.arg, dst >>> 0, offset >>> 0, size >>> 0);
        },
        msg_caller_size: (): number => enter('msg_caller_size').caller.length,
        msg_caller_copy: (dst: number, offset: number, size: number): void => {
            const ctx = enter('msg_caller_copy', size >>> 0);
            copyOut('msg_caller_copy', ctx, ctx.caller, dst >>> 0, offset >>> 0, size >>> 0);
        },
        msg_reject_code: (): number => enter('msg_reject_code').rejectCode,
        msg_reject_msg_size: (): number => new TextEncoder().encode(enter('msg_reject_msg_size').rejectMessage).length,
        msg_reject_msg_copy: (dst: number, offset: number, size: number): void => {
            const ctx = enter('msg_reject_msg_copy', size >>> 0);
            copyOut('msg_reject_msg_copy', ctx, new TextEncoder().encode(ctx.rejectMessage), dst >>> 0, offset >>> 0, size >>> 0);
        },
        msg_method_name_size: (): number => new TextEncoder().encode(enter('msg_method_name_size').methodName).length,
        msg_method_name_copy: (dst: number, offset: number, size: number): void => {
            const ctx = enter('msg_method_name_copy', size >>> 0);
            copyOut('msg_method_name_copy', ctx, new TextEncoder().encode(ctx.methodName), dst >>> 0, offset >>> 0, size >>> 0);
        },
        accept_message: (): void => {
            const ctx = enter('accept_message');
            if (ctx.messageAccepted) throw violation('accept_message', 'the function was already called.');
            ctx.messageAccepted = true;
        },

        // ---- responding ----
        msg_reply_data_append: (src: number, size: number): void => {
            const ctx = enter('msg_reply_data_append', size >>> 0);
            if (responded(ctx)) throw violation('msg_reply_data_append', 'the call is already replied or rejected.');
            const bytes = readMem(ctx, src >>> 0, size >>> 0);
            if (ctx.replyBytes + bytes.length > ctx.maxReplyBytes) {
                throw violation('msg_reply_data_append', `application payload size (${ctx.replyBytes + bytes.length}) cannot be larger than ${ctx.maxReplyBytes}.`);
            }
            ctx.replyBuffer.push(bytes);
            ctx.replyBytes += bytes.length;
        },
        msg_reply: (): void => {
            const ctx = enter('msg_reply');
            if (responded(ctx)) throw violation('msg_reply', 'the call is already replied or rejected.');
            const data = new Uint8Array(ctx.replyBytes);
            let at = 0;
            for (const part of ctx.replyBuffer) {
                data.set(part, at);
                at += part.length;
            }
            ctx.response = { kind: 'reply', data };
        },
        msg_reject: (src: number, size: number): void => {
            const ctx = enter('msg_reject', size >>> 0);
            if (responded(ctx)) throw violation('msg_reject', 'the call is already replied or rejected.');
            let message: string;
            try {
                message = strictUtf8.decode(readMem(ctx, src >>> 0, size >>> 0));
            } catch {
                throw violation('msg_reject', 'the reject message is not valid UTF-8.');
            }
            ctx.response = { kind: 'reject', message };
        },

        // ---- cycles ----
        msg_cycles_available128: (dst: number): void => {
            const ctx = enter('msg_cycles_available128');
            writeU128(ctx, dst >>> 0, (ctx.callContext?.cyclesAvailable ?? 0n) - ctx.cyclesAccepted);
        },
        msg_cycles_refunded128: (dst: number): void => {
            const ctx = enter('msg_cycles_refunded128');
            writeU128(ctx, dst >>> 0, ctx.cyclesRefunded);
        },
        msg_cycles_accept128: (high: bigint, low: bigint, dst: number): void => {
            const ctx = enter('msg_cycles_accept128');
            const wanted = (U64(high) << 64n) | U64(low);
            const available = (ctx.callContext?.cyclesAvailable ?? 0n) - ctx.cyclesAccepted;
            const accepted = wanted < available ? wanted : available;
            ctx.cyclesAccepted += accepted;
            writeU128(ctx, dst >>> 0, accepted);
        },
        cycles_burn128: (high: bigint, low: bigint, dst: number): void => {
            const ctx = enter('cycles_burn128');
            const wanted = (U64(high) << 64n) | U64(low);
            const can = liquid(ctx);
            const burned = wanted < can ? wanted : can;
            ctx.balanceDelta -= burned;
            writeU128(ctx, dst >>> 0, burned);
        },
        canister_cycle_balance128: (dst: number): void => {
            const ctx = enter('canister_cycle_balance128');
            writeU128(ctx, dst >>> 0, balance(ctx));
        },
        canister_liquid_cycle_balance128: (dst: number): void => {
            const ctx = enter('canister_liquid_cycle_balance128');
            writeU128(ctx, dst >>> 0, liquid(ctx));
        },
        cost_call: (methodNameSize: bigint, payloadSize: bigint, dst: number): void => {
            const ctx = enter('cost_call');
            writeU128(ctx, dst >>> 0, callCost(U64(methodNameSize), U64(payloadSize), host.subnetSize));
        },

        // ---- canister ----
        canister_self_size: (): number => enter('canister_self_size').canister.idBytes.length,
        canister_self_copy: (dst: number, offset: number, size: number): void => {
            const ctx = enter('canister_self_copy', size >>> 0);
            copyOut('canister_self_copy', ctx, ctx.canister.idBytes, dst >>> 0, offset >>> 0, size >>> 0);
        },
        canister_version: (): bigint => enter('canister_version').canister.version,
        is_controller: (src: number, size: number): number => {
            const ctx = enter('is_controller', size >>> 0);
            if (size >>> 0 > MAX_PRINCIPAL_BYTES) throw violation('is_controller', `invalid principal: ${size >>> 0} bytes`);
            return isController(ctx.canister, readMem(ctx, src >>> 0, size >>> 0)) ? 1 : 0;
        },
        in_replicated_execution: (): number => (isReplicated(enter('in_replicated_execution').kind) ? 1 : 0),
        time: (): bigint => enter('time').timeNs,
        performance_counter: (type: number): bigint => {
            const ctx = enter('performance_counter');
            const current = instructionsSoFar(ctx);
            if (type === 0) return current;
            if (type === 1) return (ctx.callContext?.instructions ?? 0n) + current;
            throw violation('performance_counter', `unknown counter type ${type}`);
        },
        global_timer_set: (timestamp: bigint): bigint => {
            const ctx = enter('global_timer_set');
            const previous = ctx.globalTimer ?? ctx.canister.globalTimer;
            ctx.globalTimer = U64(timestamp);
            return previous;
        },
        certified_data_set: (src: number, size: number): void => {
            const ctx = enter('certified_data_set', size >>> 0);
            if (size >>> 0 > MAX_CERTIFIED_DATA_BYTES) {
                throw violation('certified_data_set', `Certified data size ${size >>> 0} exceeds the maximum of ${MAX_CERTIFIED_DATA_BYTES} bytes.`);
            }
            ctx.certifiedData = readMem(ctx, src >>> 0, size >>> 0);
        },
        data_certificate_present: (): number => (enter('data_certificate_present').certificate === undefined ? 0 : 1),
        data_certificate_size: (): number => {
            const ctx = enter('data_certificate_size');
            if (ctx.certificate === undefined) throw violation('data_certificate_size', 'no certificate available.');
            return ctx.certificate.length;
        },
        data_certificate_copy: (dst: number, offset: number, size: number): void => {
            const ctx = enter('data_certificate_copy', size >>> 0);
            if (ctx.certificate === undefined) throw violation('data_certificate_copy', 'no certificate available.');
            copyOut('data_certificate_copy', ctx, ctx.certificate, dst >>> 0, offset >>> 0, size >>> 0);
        },

        // ---- stable memory ----
        stable64_size: (): bigint => enter('stable64_size').canister.stable.size,
        stable64_grow: (pages: bigint): bigint => enter('stable64_grow').canister.stable.grow(U64(pages)),
        stable64_write: (offset: bigint, src: bigint, size: bigint): void => {
            const ctx = enter('stable64_write');
            charge(ctx, STABLE_API_BASE_INSTRUCTIONS + U64(size));
            ctx.canister.stable.write(U64(offset), readMem(ctx, Number(U64(src)), Number(U64(size))));
        },
        stable64_read: (dst: bigint, offset: bigint, size: bigint): void => {
            const ctx = enter('stable64_read');
            charge(ctx, STABLE_API_BASE_INSTRUCTIONS + U64(size));
            const into = new Uint8Array(Number(U64(size)));
            ctx.canister.stable.read(U64(offset), U64(size), into);
            writeMem(ctx, Number(U64(dst)), into);
        },

        // ---- inter-canister calls ----
        call_new: (calleeSrc: number, calleeSize: number, nameSrc: number, nameSize: number, replyFun: number, replyEnv: number, rejectFun: number, rejectEnv: number): void => {
            const ctx = enter('call_new', (calleeSize >>> 0) + (nameSize >>> 0));
            if (calleeSize >>> 0 > MAX_PRINCIPAL_BYTES) throw violation('call_new', 'invalid callee principal');
            const callee = Principal.fromUint8Array(readMem(ctx, calleeSrc >>> 0, calleeSize >>> 0));
            const method = utf8.decode(readMem(ctx, nameSrc >>> 0, nameSize >>> 0));
            // A previous un-performed call is discarded; its cycles return to the balance (pending cycles are not in balanceDelta).
            ctx.pendingCall = {
                callee,
                method,
                reply: { fun: replyFun >>> 0, env: replyEnv >>> 0 },
                reject: { fun: rejectFun >>> 0, env: rejectEnv >>> 0 },
                cleanup: undefined,
                arg: [],
                argBytes: 0,
                cycles: 0n,
                timeoutSeconds: undefined
            };
        },
        call_on_cleanup: (fun: number, env: number): void => {
            const ctx = enter('call_on_cleanup');
            const pending = ctx.pendingCall;
            if (pending === undefined) throw violation('call_on_cleanup', 'no pending call.');
            if (pending.cleanup !== undefined) throw violation('call_on_cleanup', 'the cleanup callback is already set.');
            pending.cleanup = { fun: fun >>> 0, env: env >>> 0 };
        },
        call_data_append: (src: number, size: number): void => {
            const ctx = enter('call_data_append', size >>> 0);
            const pending = ctx.pendingCall;
            if (pending === undefined) throw violation('call_data_append', 'no pending call.');
            if (pending.argBytes + (size >>> 0) > MAX_INTER_CANISTER_PAYLOAD_BYTES) {
                throw violation('call_data_append', `payload size ${pending.argBytes + (size >>> 0)} exceeds ${MAX_INTER_CANISTER_PAYLOAD_BYTES} bytes.`);
            }
            pending.arg.push(readMem(ctx, src >>> 0, size >>> 0));
            pending.argBytes += size >>> 0;
        },
        call_cycles_add128: (high: bigint, low: bigint): void => {
            const ctx = enter('call_cycles_add128');
            const pending = ctx.pendingCall;
            if (pending === undefined) throw violation('call_cycles_add128', 'no pending call.');
            const amount = (U64(high) << 64n) | U64(low);
            const can = liquid(ctx);
            if (amount > can) {
                throw violation('call_cycles_add128', `Canister ${ctx.canister.idText} cannot transfer ${amount} cycles: only ${can} are available.`);
            }
            pending.cycles += amount;
        },
        call_with_best_effort_response: (timeoutSeconds: number): void => {
            const ctx = enter('call_with_best_effort_response');
            const pending = ctx.pendingCall;
            if (pending === undefined) throw violation('call_with_best_effort_response', 'no pending call.');
            if (pending.timeoutSeconds !== undefined) throw violation('call_with_best_effort_response', 'the timeout is already set.');
            pending.timeoutSeconds = Math.min(timeoutSeconds >>> 0, MAX_CALL_TIMEOUT_SECONDS);
        },
        call_perform: (): number => {
            const ctx = enter('call_perform');
            const pending = ctx.pendingCall;
            if (pending === undefined) throw violation('call_perform', 'no pending call.');
            ctx.pendingCall = undefined;
            const fee = callCost(BigInt(new TextEncoder().encode(pending.method).length), BigInt(pending.argBytes), host.subnetSize);
            // Liquid balance excluding the cycles this call carries: they were checked when added.
            if (fee + pending.cycles > liquid(ctx)) return 2; // SYS_TRANSIENT: the call is not made and its cycles stay with the caller
            ctx.balanceDelta -= fee + pending.cycles;
            const payload = new Uint8Array(pending.argBytes);
            let at = 0;
            for (const part of pending.arg) {
                payload.set(part, at);
                at += part.length;
            }
            const deadline = pending.timeoutSeconds === undefined ? undefined : ctx.timeNs + BigInt(pending.timeoutSeconds) * NS_PER_SECOND;
            ctx.performedCalls.push({ ...pending, payload, deadline });
            return 0;
        },

        // ---- diagnostics ----
        debug_print: (src: number, size: number): void => {
            const ctx = host.current();
            if (ctx === undefined) return; // never traps
            const instance = ctx.canister.code?.instance;
            if (instance === undefined) return;
            const mem = new Uint8Array(instance.memory.buffer);
            const start = Math.min(src >>> 0, mem.length);
            host.appendLog(ctx, mem.slice(start, Math.min(start + (size >>> 0), mem.length)));
        },
        trap: (src: number, size: number): never => {
            const ctx = host.current();
            let message = '';
            const instance = ctx?.canister.code?.instance;
            if (instance !== undefined) {
                const mem = new Uint8Array(instance.memory.buffer);
                const start = Math.min(src >>> 0, mem.length);
                message = utf8.decode(mem.subarray(start, Math.min(start + (size >>> 0), mem.length)));
            }
            throw new CanisterTrap('called-trap', message);
        }
    };
    return imports as unknown as Ic0Imports;
}
