/**
 * URLs of this package's own modules, right in both forms the code runs in: as
 * TypeScript sources in a checkout (`x.ts`, through tsx or vitest) and compiled in
 * `dist/` (`x.js`, the installed package; `npm run build`). tsc rewrites the `.ts` of
 * import specifiers (`rewriteRelativeImportExtensions`) but not URLs built at run time,
 * so a module imported by URL is named through {@link ownModule}.
 * @internal
 */

/** Whether `base` (an `import.meta.url`) is compiled JavaScript rather than a `.ts` source. @internal */
export function isCompiled(base: string): boolean {
  return !/\.[cm]?ts$/.test(new URL(base).pathname);
}

/**
 * The module at `rel` (a `.ts` path relative to `base`) as the form `base` runs in:
 * `rel` itself beside a source, its `.js` beside compiled code. @internal
 */
export function ownModule(rel: string, base: string): URL {
  return new URL(isCompiled(base) ? rel.replace(/\.ts$/, '.js') : rel, base);
}
