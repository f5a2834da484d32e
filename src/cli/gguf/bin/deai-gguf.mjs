#!/usr/bin/env node
// `npx deai-gguf inspect|write-tiny ...`, run through tsx (the project ships sources, not a build).
import { register } from 'tsx/esm/api';

register();
const { ggufMain } = await import('../gguf-cli.ts');
process.exitCode = await ggufMain(process.argv.slice(2));
