/**
 * Shared helpers of the System API imports: the context check and host instruction charge every import starts
 * with, bounds-checked heap access, u128 writes, and the cycle balance views (ic-interface spec
 * canister-interface.md §"System API imports"; abstract-behavior.md §"System imports").
 */
import { CanisterTrap } from './errors.js';
import { isAllowed, violationText } from './contexts.js';
import type { ExecContext } from './exec-context.js';
import { memoryUsage } from './canister-state.js';
import { freezingLimit, liquidBalance } from './cycles.js';
import { SYSTEM_API_BASE_INSTRUCTIONS, SYSTEM_API_INSTRUCTIONS_PER_BYTE } from './limits.constants.js';

export interface SystemApiHost {
    /** The message running on this canister, or undefined outside executions (then every import traps). */
    current(): ExecContext | undefined;
    subnetSize: number;
    appendLog(ctx: ExecContext, content: Uint8Array): void;
}

export const U64 = (v: bigint): bigint => BigInt.asUintN(64, v);
export const utf8 = new TextDecoder('utf-8', { fatal: false });
export const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function violation(api: string, detail: string): CanisterTrap {
    return new CanisterTrap('contract-violation', `ic0.${api}: ${detail}`);
}

export type SystemApiKit = ReturnType<typeof createKit>;

export function createKit(host: SystemApiHost) {
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
    return { host, enter, charge, readMem, writeMem, copyOut, writeU128, balance, liquid, responded, instructionsSoFar };
}
