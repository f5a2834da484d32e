import { IDL, query } from 'azle';

// Placeholder until the registry API lands: the example consumer queries the backend over inter-canister calls.
export default class {
    @query([], IDL.Text)
    version(): string {
        return '0.1.0';
    }
}
