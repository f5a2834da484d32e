/**
 * DeAI Atlas backend canister: the registry of AI hardware, runtimes, models and benchmark results,
 * with its administration. Each class below contributes its methods to one Candid service.
 */
import { IDL, query } from 'azle';

import { AdminApi } from './admin.canister';
import { AgentApi } from './agent/agent.canister';
import { AnalysisApi } from './registry/analysis.canister';
import { RegistryApi } from './registry/registry.canister';
import { RouterApi } from './router/router.canister';
import { RouterAdminApi } from './router/router-admin.canister';
import { WorkerApi } from './router/workers.canister';

class InfoApi {
    @query([], IDL.Text)
    version(): string {
        return '0.1.0';
    }
}

export default [InfoApi, AdminApi, RegistryApi, AnalysisApi, RouterApi, WorkerApi, RouterAdminApi, AgentApi];
