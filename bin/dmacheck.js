#!/usr/bin/env node
// The dmacheck command. Which code runs is decided by one rule: if the TypeScript sources
// are beside this file (a development checkout), they run through the tsx loader, so an
// edit takes effect at once and a dist/ left over from an earlier `npm run build` is never
// run by accident; otherwise (the installed package, which ships dist/ and no sources) the
// compiled JavaScript in dist/ runs, with no TypeScript loader at start-up.
import { existsSync } from 'node:fs';

const source = new URL('../cli/main.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import('../dist/cli/main.js');
}
