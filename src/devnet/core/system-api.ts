/**
 * The 44 `ic0` imports Azle-built canisters use (ic-interface spec canister-interface.md §"System API imports";
 * pseudo-code in abstract-behavior.md §"System imports"). Each import checks its context first, charges a
 * host cost to the instruction counter, and records effects in the ExecContext; nothing is applied here.
 * The call_* imports are in system-api-calls.ts, the shared helpers in system-api-kit.ts.
 */
import { CanisterTrap } from './errors.js';
import { isReplicated } from './contexts.js';
import { isController } from './canister-state.js';
import { callCost } from './cycles.js';
import { MAX_CERTIFIED_DATA_BYTES, MAX_PRINCIPAL_BYTES, STABLE_API_BASE_INSTRUCTIONS } from './limits.constants.js';
import type { Ic0Imports } from './wasm-instance.js';
import { callImports } from './system-api-calls.js';
import { createKit, strictUtf8, U64, utf8, violation, type SystemApiHost } from './system-api-kit.js';

export type { SystemApiHost } from './system-api-kit.js';

export function createIc0Imports(host: SystemApiHost): Ic0Imports {
    const kit = createKit(host);
    const { enter, charge, readMem, writeMem, copyOut, writeU128, balance, liquid, responded, instructionsSoFar } = kit;
    const imports = {
        ...callImports(kit),
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
