/** The devnet's dev identity provider (Internet Identity client protocol), served at `/_/identity/`. */
export { identityProviderRoutes, IDENTITY_PROVIDER_PATH } from './identity-routes.js';
export { issueDelegation, type DelegationRequest, type DelegationResponse } from './delegation-api.js';
export { deriveUserKey, signDelegation, providerSecretFrom, DEFAULT_DELEGATION_TTL_NS, MAX_DELEGATION_TTL_NS } from './dev-identity.js';
