/** Builds the backend (and the other Azle canisters) once per run; skipped when sources are unchanged. */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
    execFileSync('npx', ['tsx', 'src/cli/build-canisters.ts'], { stdio: 'inherit', timeout: 600_000 });
}
