/**
 * DeAI Atlas backend canister: the registry of AI hardware, runtimes, models and benchmark results,
 * with its administration. Each class below contributes its methods to one Candid service.
 */
import { IDL, query } from 'azle';

import { AdminApi } from './admin.canister';
import { RegistryApi } from './registry/registry.canister';

class InfoApi {
    @query([], IDL.Text)
    version(): string {
        return '0.1.0';
    }
}

export default [InfoApi, AdminApi, RegistryApi];
