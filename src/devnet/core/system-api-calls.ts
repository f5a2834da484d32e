/**
 * The inter-canister call imports (canister-interface.md §"Inter-canister method calls"): call_new builds a
 * pending call, call_perform queues it as an effect of the current message (sent only if the message does not
 * trap) after charging the call fee; call_with_best_effort_response makes it bounded-wait (clamped to 300 s).
 */
import { Principal } from '@dfinity/principal';
import { callCost } from './cycles.js';
import { MAX_CALL_TIMEOUT_SECONDS, MAX_INTER_CANISTER_PAYLOAD_BYTES, MAX_PRINCIPAL_BYTES, NS_PER_SECOND } from './limits.constants.js';
import { U64, utf8, violation, type SystemApiKit } from './system-api-kit.js';

export function callImports(kit: SystemApiKit) {
    const { host, enter, readMem, liquid } = kit;
    return {
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
        }
    };
}
