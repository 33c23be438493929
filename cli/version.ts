/**
 * dmacheck's version, read once from package.json (shown by --version and written into reports).
 * Found by the package's own name (its `./package.json` export), so it is the same file from
 * the sources in a checkout and from the compiled code in dist/.
 * @internal
 */
import { createRequire } from 'node:module';

export const VERSION: string = (createRequire(import.meta.url)('dmacheck/package.json') as { version: string }).version;
