#!/usr/bin/env node
// `npx deai-worker-admin ...`: operator commands, run through tsx (the project ships sources, not a build).
import { register } from 'tsx/esm/api';

register();
const { workerAdminMain } = await import('../worker-admin-cli.ts');
process.exitCode = await workerAdminMain(process.argv.slice(2));
