#!/usr/bin/env node
// `npx deai-worker ...`: runs the TypeScript gateway through tsx (the project ships sources, not a build).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
