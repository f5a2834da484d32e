import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dfx = JSON.parse(readFileSync('dfx.json', 'utf8'));
// A copy of ../shared/ic/dfx.schema.json (dfinity/sdk docs/dfx-json-schema.json), kept so the test runs anywhere.
const schemaPath = 'tests/unit/schemas/dfx.schema.json';

describe('dfx.json', () => {
    it('validates against the dfx.json schema', () => {
        const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
        delete schema.$schema;
        const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
        const validate = ajv.compile(schema);
        const ok = validate(dfx);
        expect(validate.errors ?? []).toEqual([]);
        expect(ok).toBe(true);
    });

    it('declares the backend, the frontend assets, Internet Identity and the LLM canister', () => {
        expect(dfx.canisters.backend.type).toBe('custom');
        expect(dfx.canisters.backend.wasm).toBe('.azle/backend/backend.wasm');
        expect(dfx.canisters.frontend.type).toBe('assets');
        expect(dfx.canisters.internet_identity.remote.id.ic).toBe('rdmx6-jaaaa-aaaaa-aaadq-cai');
        expect(dfx.canisters.llm).toEqual({ type: 'pull', id: 'w36hm-eqaaa-aaaal-qr76a-cai' });
        expect(dfx.canisters.backend.dependencies).toContain('llm');
    });

    it('points every Azle canister at a source file and a committed candid file', () => {
        for (const [name, c] of Object.entries<Record<string, string>>(dfx.canisters)) {
            if (c.type !== 'custom' || !c.main) continue;
            expect(readFileSync(c.main, 'utf8').length, name).toBeGreaterThan(0);
            expect(c.candid, name).toMatch(/\.did$/);
        }
    });
});
