/**
 * A hand-written canister (WAT, assembled with binaryen) that calls the management canister through the real
 * System API, for end-to-end tests of src/devnet/outcalls and src/devnet/threshold inside the devnet engine.
 *
 * - update `go`: raw argument = cycles (u64 LE) ‖ method-name length (u8) ‖ method name ‖ Candid payload; it calls
 *   aaaaa-aa.<method>(payload) with those cycles attached (see `goArg`).
 *   Reply: "OK" ‖ refunded cycles (16 bytes, little-endian u128) ‖ the reply bytes;
 *   reject: "RJ" ‖ reject code (1 byte) ‖ refunded cycles (16 bytes) ‖ reject message.
 * - query `echo`: a transform that returns its argument unchanged (the Candid TransformArgs), so replicas agree
 *   exactly when their raw responses do.
 * - query `fixed`: a transform that returns FIXED_TRANSFORM_REPLY whatever the response was.
 */
import binaryen from 'binaryen';

/** The argument of `go`: call aaaaa-aa.<method>(payload) with `cycles` attached. */
export function goArg(method: string, payload: Uint8Array, cycles: bigint): Uint8Array {
    const name = new TextEncoder().encode(method);
    if (name.length > 255) throw new RangeError('method name too long');
    const out = new Uint8Array(9 + name.length + payload.length);
    new DataView(out.buffer).setBigUint64(0, cycles, true);
    out[8] = name.length;
    out.set(name, 9);
    out.set(payload, 9 + name.length);
    return out;
}

const hexEscape = (bytes: Uint8Array): string => Array.from(bytes, (b) => '\\' + b.toString(16).padStart(2, '0')).join('');

export function outcallCanisterWasm(fixedTransformReply: Uint8Array): Uint8Array {
    const wat = `
(module
  (import "ic0" "call_new" (func $call_new (param i32 i32 i32 i32 i32 i32 i32 i32)))
  (import "ic0" "call_data_append" (func $call_data_append (param i32 i32)))
  (import "ic0" "call_cycles_add128" (func $call_cycles_add128 (param i64 i64)))
  (import "ic0" "call_perform" (func $call_perform (result i32)))
  (import "ic0" "msg_arg_data_size" (func $arg_size (result i32)))
  (import "ic0" "msg_arg_data_copy" (func $arg_copy (param i32 i32 i32)))
  (import "ic0" "msg_reply_data_append" (func $reply_append (param i32 i32)))
  (import "ic0" "msg_reply" (func $reply))
  (import "ic0" "msg_reject_code" (func $reject_code (result i32)))
  (import "ic0" "msg_reject_msg_size" (func $reject_msg_size (result i32)))
  (import "ic0" "msg_reject_msg_copy" (func $reject_msg_copy (param i32 i32 i32)))
  (import "ic0" "msg_cycles_refunded128" (func $refunded (param i32)))
  (memory (export "memory") 64)
  (table 2 funcref)
  (elem (i32.const 0) $on_reply $on_reject)
  (data (i32.const 16) "OKRJ")
  (data (i32.const 1024) "${hexEscape(fixedTransformReply)}")
  ;; 64..80: refunded cycles; 96: reject code; 4096..: message buffers.
  (func $go
    (local $n i32)
    (local $len i32)
    (local.set $n (call $arg_size))
    (call $arg_copy (i32.const 4096) (i32.const 0) (local.get $n))
    (local.set $len (i32.load8_u (i32.const 4104)))
    (call $call_new (i32.const 0) (i32.const 0) (i32.const 4105) (local.get $len) (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 0))
    (call $call_data_append
      (i32.add (i32.const 4105) (local.get $len))
      (i32.sub (local.get $n) (i32.add (i32.const 9) (local.get $len))))
    (call $call_cycles_add128 (i64.const 0) (i64.load (i32.const 4096)))
    (drop (call $call_perform)))
  (func $on_reply (param $env i32)
    (local $n i32)
    (call $refunded (i32.const 64))
    (call $reply_append (i32.const 16) (i32.const 2))
    (call $reply_append (i32.const 64) (i32.const 16))
    (local.set $n (call $arg_size))
    (call $arg_copy (i32.const 4096) (i32.const 0) (local.get $n))
    (call $reply_append (i32.const 4096) (local.get $n))
    (call $reply))
  (func $on_reject (param $env i32)
    (local $n i32)
    (call $refunded (i32.const 64))
    (i32.store8 (i32.const 96) (call $reject_code))
    (call $reply_append (i32.const 18) (i32.const 2))
    (call $reply_append (i32.const 96) (i32.const 1))
    (call $reply_append (i32.const 64) (i32.const 16))
    (local.set $n (call $reject_msg_size))
    (call $reject_msg_copy (i32.const 4096) (i32.const 0) (local.get $n))
    (call $reply_append (i32.const 4096) (local.get $n))
    (call $reply))
  (func $echo
    (local $n i32)
    (local.set $n (call $arg_size))
    (call $arg_copy (i32.const 4096) (i32.const 0) (local.get $n))
    (call $reply_append (i32.const 4096) (local.get $n))
    (call $reply))
  (func $fixed
    (call $reply_append (i32.const 1024) (i32.const ${fixedTransformReply.length}))
    (call $reply))
  (export "canister_update go" (func $go))
  (export "canister_query echo" (func $echo))
  (export "canister_query fixed" (func $fixed)))`;
    const module = binaryen.parseText(wat);
    try {
        if (!module.validate()) throw new Error('outcall fixture wasm does not validate');
        return module.emitBinary();
    } finally {
        module.dispose();
    }
}

export type GoResult =
    | { kind: 'reply'; refunded: bigint; reply: Uint8Array }
    | { kind: 'reject'; rejectCode: number; refunded: bigint; message: string };

const u128le = (b: Uint8Array): bigint => b.reduceRight((acc, x) => (acc << 8n) | BigInt(x), 0n);

export function decodeGoReply(bytes: Uint8Array): GoResult {
    const tag = String.fromCharCode(bytes[0]!, bytes[1]!);
    if (tag === 'OK') return { kind: 'reply', refunded: u128le(bytes.subarray(2, 18)), reply: bytes.slice(18) };
    if (tag === 'RJ') return { kind: 'reject', rejectCode: bytes[2]!, refunded: u128le(bytes.subarray(3, 19)), message: new TextDecoder().decode(bytes.subarray(19)) };
    throw new Error(`unexpected reply tag ${tag}`);
}
