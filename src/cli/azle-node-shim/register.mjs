// Lets plain Node (tsx) import `azle` for its IDL and types outside a canister: azle imports the CJS package
// @sinonjs/text-encoding with named ESM imports, which Node cannot link. Map it to Node's own TextEncoder.
import { register } from 'node:module';

register(new URL('./hooks.mjs', import.meta.url));
