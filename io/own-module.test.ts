import { describe, expect, it } from 'vitest';
import { isCompiled, ownModule } from './own-module.ts';

describe('ownModule: a module imported by URL, from the sources and from dist/', () => {
  it('keeps the .ts path beside a source', () => {
    expect(isCompiled('file:///w/adapters/resolve.ts')).toBe(false);
    expect(ownModule('../impl/index.ts', 'file:///w/adapters/resolve.ts').href).toBe('file:///w/impl/index.ts');
  });
  it('names the compiled .js beside compiled code', () => {
    expect(isCompiled('file:///p/node_modules/dmacheck/dist/adapters/resolve.js')).toBe(true);
    expect(ownModule('../impl/mutants/index.ts', 'file:///p/node_modules/dmacheck/dist/adapters/resolve.js').href).toBe('file:///p/node_modules/dmacheck/dist/impl/mutants/index.js');
  });
  it('is this very file, run from its source under vitest', () => {
    expect(isCompiled(import.meta.url)).toBe(false);
    expect(ownModule('./own-module.ts', import.meta.url).href).toBe(new URL('./own-module.ts', import.meta.url).href);
  });
});
