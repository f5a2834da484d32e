import { execFile } from 'node:child_process';
import { cpus, freemem, totalmem, platform, arch } from 'node:os';

/** What /health reports about the machine (docs/worker-protocol.md §5). */
export interface HardwareInfo {
    gpus: Array<{ name: string; memoryTotalMiB: number; memoryUsedMiB: number; driverVersion: string }>;
    cpu: { model: string; cores: number; arch: string; platform: string };
    memory: { totalBytes: number; freeBytes: number };
}

/** Runs a command and returns stdout, or null when it is absent or fails (injected for tests). */
export type ExecFn = (file: string, args: readonly string[]) => Promise<string | null>;

export const execCommand: ExecFn = (file, args) =>
    new Promise((resolve) => {
        execFile(file, [...args], { timeout: 5_000, maxBuffer: 64 * 1024 }, (error, stdout) => resolve(error ? null : stdout));
    });

const NVIDIA_SMI_ARGS = ['--query-gpu=name,memory.total,memory.used,driver_version', '--format=csv,noheader,nounits'];
const MAX_GPUS = 64;

/** Parses `nvidia-smi --query-gpu=name,memory.total,memory.used,driver_version --format=csv,noheader,nounits`. */
export function parseNvidiaSmi(stdout: string): HardwareInfo['gpus'] {
    const gpus: HardwareInfo['gpus'] = [];
    for (const line of stdout.split('\n').slice(0, MAX_GPUS)) {
        const fields = line.split(',').map((f) => f.trim());
        if (fields.length !== 4) continue;
        const [name, total, used, driverVersion] = fields;
        const memoryTotalMiB = Number(total);
        const memoryUsedMiB = Number(used);
        if (!name || !Number.isFinite(memoryTotalMiB) || !Number.isFinite(memoryUsedMiB)) continue;
        gpus.push({ name: name.slice(0, 128), memoryTotalMiB, memoryUsedMiB, driverVersion: driverVersion.slice(0, 32) });
    }
    return gpus;
}

/** GPUs via nvidia-smi where present; CPU and RAM always. */
export async function probeHardware(exec: ExecFn = execCommand): Promise<HardwareInfo> {
    const smi = await exec('nvidia-smi', NVIDIA_SMI_ARGS);
    const cpuList = cpus();
    return {
        gpus: smi === null ? [] : parseNvidiaSmi(smi),
        cpu: { model: cpuList[0]?.model.trim() ?? 'unknown', cores: cpuList.length, arch: arch(), platform: platform() },
        memory: { totalBytes: totalmem(), freeBytes: freemem() }
    };
}
