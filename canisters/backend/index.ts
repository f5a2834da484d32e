import { IDL, query } from 'azle';

export default class {
    @query([], IDL.Text)
    version(): string {
        return '0.1.0';
    }
}
