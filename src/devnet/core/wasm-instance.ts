/**
 * One live instance of a prepared canister module, with cheap snapshot/restore of wasm memory and globals.
 * A JS WebAssembly.Memory cannot shrink, so restoring a snapshot taken before the memory grew rebuilds the
 * instance (same module, same imports) and copies the snapshot into it.
 */
import type { PreparedModule } from '../wasm/index.js';

export interface InstanceSnapshot {
    memory: Uint8Array;
    globals: (number | bigint)[];
}

export type Ic0Imports = Record<string, (...args: never[]) => unknown>;

/**
 * The reusable buffer behind scratchSnapshot(). One per engine is enough: executions never nest (wasm runs
 * synchronously and no import runs another canister), and each restores its snapshot before returning.
 */
export interface ScratchBuffer {
    buffer?: Uint8Array;
}

export class WasmInstance {
    readonly memory: WebAssembly.Memory;
    readonly table: WebAssembly.Table | undefined;
    readonly globals: WebAssembly.Global[];
    readonly counter: WebAssembly.Global | undefined;
    readonly limit: WebAssembly.Global | undefined;
    readonly exhausted: WebAssembly.Global | undefined;
    readonly exportNames: ReadonlySet<string>;

    private constructor(
        readonly prepared: PreparedModule,
        private readonly imports: Ic0Imports,
        readonly instance: WebAssembly.Instance,
        /** Rollback buffer, shared with rebuilt instances and (via the engine) with every canister of a devnet. */
        private readonly scratch: ScratchBuffer = {}
    ) {
        const exports = instance.exports;
        const memory = exports.memory;
        if (!(memory instanceof WebAssembly.Memory)) throw new Error('canister module does not export its memory as "memory"');
        this.memory = memory;
        this.table = exports[prepared.tableExport] as WebAssembly.Table | undefined;
        this.globals = prepared.mutableGlobalExports.map((name) => exports[name] as WebAssembly.Global);
        this.counter = exports[prepared.counterGlobal] as WebAssembly.Global | undefined;
        this.limit = exports[prepared.limitGlobal] as WebAssembly.Global | undefined;
        this.exhausted = exports[prepared.exhaustedGlobal] as WebAssembly.Global | undefined;
        this.exportNames = new Set(Object.keys(exports));
    }

    static create(prepared: PreparedModule, imports: Ic0Imports, scratch: ScratchBuffer = {}): WasmInstance {
        const instance = new WebAssembly.Instance(prepared.module, { ic0: imports });
        return new WasmInstance(prepared, imports, instance, scratch);
    }

    /** Calls an exported `() -> ()` entry point by export name. */
    invokeExport(name: string): void {
        const fn = this.instance.exports[name];
        if (typeof fn !== 'function') throw new Error(`missing export ${name}`);
        (fn as () => void)();
    }

    /** Calls a `(env: i32) -> ()` callback by table index (ic0.call_new reply/reject/cleanup functions). */
    invokeCallback(tableIndex: number, env: number): void {
        const fn = this.table?.get(tableIndex) as ((env: number) => void) | null | undefined;
        if (typeof fn !== 'function') throw new WebAssembly.RuntimeError('table index is out of bounds');
        fn(env);
    }

    hasExport(name: string): boolean {
        return this.exportNames.has(name);
    }

    get memoryBytes(): number {
        return this.memory.buffer.byteLength;
    }

    snapshot(): InstanceSnapshot {
        return { memory: new Uint8Array(this.memory.buffer).slice(), globals: this.globals.map((g) => g.value as number | bigint) };
    }

    /**
     * A snapshot into a buffer reused across messages (per instance lineage), for the executor's per-message
     * rollback point: allocating a fresh copy of a large heap per message makes V8 collect constantly.
     * Valid until the next scratchSnapshot() call.
     */
    scratchSnapshot(): InstanceSnapshot {
        const size = this.memory.buffer.byteLength;
        let scratch = this.scratch.buffer;
        if (scratch === undefined || scratch.byteLength < size) {
            scratch = new Uint8Array(size);
            this.scratch.buffer = scratch;
        }
        const view = scratch.subarray(0, size);
        view.set(new Uint8Array(this.memory.buffer));
        return { memory: view, globals: this.globals.map((g) => g.value as number | bigint) };
    }

    /**
     * Brings the instance back to `snap`. Returns this instance when memory did not grow, otherwise a rebuilt
     * instance that the caller must use from now on.
     */
    restore(snap: InstanceSnapshot): WasmInstance {
        const target = this.memory.buffer.byteLength === snap.memory.byteLength ? this : WasmInstance.create(this.prepared, this.imports, this.scratch);
        target.load(snap);
        return target;
    }

    /** Fresh instance of the same module holding `snap` (used on load from disk). */
    static fromSnapshot(prepared: PreparedModule, imports: Ic0Imports, snap: InstanceSnapshot, scratch: ScratchBuffer = {}): WasmInstance {
        const target = WasmInstance.create(prepared, imports, scratch);
        target.load(snap);
        return target;
    }

    private load(snap: InstanceSnapshot): void {
        const have = this.memory.buffer.byteLength;
        if (have < snap.memory.byteLength) this.memory.grow((snap.memory.byteLength - have) / 65_536);
        new Uint8Array(this.memory.buffer).set(snap.memory);
        snap.globals.forEach((value, i) => {
            const g = this.globals[i];
            if (g !== undefined) g.value = value;
        });
    }

    // ---- instruction metering (exports added by src/devnet/wasm) ----

    resetMeter(limit: bigint): void {
        if (this.counter !== undefined) this.counter.value = 0n;
        if (this.limit !== undefined) this.limit.value = limit;
        if (this.exhausted !== undefined) this.exhausted.value = 0;
    }

    get instructions(): bigint {
        return this.counter === undefined ? 0n : BigInt(this.counter.value as bigint);
    }

    addInstructions(n: bigint): void {
        if (this.counter !== undefined) this.counter.value = BigInt.asIntN(64, (this.counter.value as bigint) + n);
    }

    get outOfInstructions(): boolean {
        return this.exhausted !== undefined && this.exhausted.value === 1;
    }
}
