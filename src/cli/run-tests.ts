/**
 * `npm test`: builds the canisters (offline), then runs every vitest suite in its own process and prints,
 * as the last line, `N passed, M failed` summed over all suites (skipped tests are reported separately).
 *
 * A suite is a vitest config: vitest.<suite>.config.ts at the root, or tests/**\/vitest.config.ts and
 * tests/**\/<name>.vitest.config.ts beside the tests it owns. `npm test -- unit devnet` runs only those suites.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..', '..');

interface Suite {
    name: string;
    config: string;
}

interface Totals {
    passed: number;
    failed: number;
    skipped: number;
}

function findConfigs(dir: string): string[] {
    const out: string[] = [];
    for (const entry of readdirSync(dir)) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue;
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) out.push(...findConfigs(path));
        else if (entry === 'vitest.config.ts' || entry.endsWith('.vitest.config.ts')) out.push(path);
    }
    return out;
}

export function discoverSuites(): Suite[] {
    const suites: Suite[] = [];
    for (const entry of readdirSync(ROOT).sort()) {
        const match = /^vitest\.([a-z0-9-]+)\.config\.ts$/.exec(entry);
        if (match?.[1] !== undefined) suites.push({ name: match[1], config: entry });
    }
    if (existsSync(join(ROOT, 'tests'))) {
        for (const path of findConfigs(join(ROOT, 'tests')).sort()) {
            const rel = relative(ROOT, path);
            const name = basename(path) === 'vitest.config.ts' ? relative(join(ROOT, 'tests'), dirname(path)).replaceAll('/', '-') : basename(path, '.vitest.config.ts');
            suites.push({ name, config: rel });
        }
    }
    return suites;
}

function runSuite(suite: Suite, outDir: string): Totals {
    const jsonPath = join(outDir, `${suite.name}.json`);
    console.log(`\n━━━ suite ${suite.name} (${suite.config}) ━━━`);
    const result = spawnSync('npx', ['vitest', 'run', '--config', suite.config, '--reporter=default', '--reporter=json', `--outputFile.json=${jsonPath}`], {
        cwd: ROOT,
        stdio: 'inherit',
        env: process.env
    });
    if (!existsSync(jsonPath)) {
        console.log(`suite ${suite.name} produced no results (exit ${result.status}); counted as 1 failure`);
        return { passed: 0, failed: 1, skipped: 0 };
    }
    const report = JSON.parse(readFileSync(jsonPath, 'utf8')) as {
        numPassedTests: number;
        numFailedTests: number;
        numPendingTests: number;
        numTodoTests: number;
        numFailedTestSuites: number;
    };
    // A file that fails to load has no tests but is a failure all the same.
    const failed = report.numFailedTests + (report.numFailedTests === 0 && report.numFailedTestSuites > 0 ? report.numFailedTestSuites : 0);
    return { passed: report.numPassedTests, failed, skipped: report.numPendingTests + report.numTodoTests };
}

function main(): void {
    const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
    const build = spawnSync('npx', ['tsx', 'src/cli/build-canisters.ts'], { cwd: ROOT, stdio: 'inherit' });
    const totals: Totals = { passed: 0, failed: build.status === 0 ? 0 : 1, skipped: 0 };
    if (build.status !== 0) console.log('canister build failed; counted as 1 failure');
    const outDir = mkdtempSync(join(tmpdir(), 'deai-tests-'));
    const suites = discoverSuites().filter((s) => only.length === 0 || only.includes(s.name));
    const perSuite: string[] = [];
    for (const suite of suites) {
        const t = runSuite(suite, outDir);
        totals.passed += t.passed;
        totals.failed += t.failed;
        totals.skipped += t.skipped;
        perSuite.push(`  ${suite.name.padEnd(20)} ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
    }
    console.log('\n━━━ summary ━━━');
    console.log(perSuite.join('\n'));
    console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
    process.exit(totals.failed === 0 ? 0 : 1);
}

main();
