/** Default ports and paths of `npm start` (kept apart from start-app.ts, which needs the generated bindings). */
export const DEFAULT_DEVNET_PORT = 4943;
export const DEFAULT_VITE_PORT = 5173;
export const DEFAULT_WORKER_PORT = 4944;
export const DEFAULT_STATE_DIR = '.devnet';
