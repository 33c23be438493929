#!/usr/bin/env node
// Runs the TypeScript CLI through the tsx loader (no build step, no global install).
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
