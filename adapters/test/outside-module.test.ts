import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../io/errors.ts';
import { resolveImplementation } from '../resolve.ts';

const here = (p: string) => new URL(p, import.meta.url).pathname;

// Issue 13 item 11: a user's module anywhere on disk loads as an ES module, and a
// syntax error keeps its file:line:col.
describe('implementation modules outside the package', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dmacheck-elsewhere-'));
  it('loads a copy of the TypeScript example from a directory with no package.json', async () => {
    const src = readFileSync(here('../../examples/ts-engine/engine.ts'), 'utf8')
      .replaceAll("'../../adapters/index.ts'", `'${here('../index.ts')}'`)
      .replaceAll("'../../spec/api/index.ts'", `'${here('../../spec/api/index.ts')}'`);
    writeFileSync(join(dir, 'engine.ts'), src);
    const impl = await resolveImplementation({ impl: join(dir, 'engine.ts') });
    expect(impl.name).toBe('example:ts-engine');
  });
  it('names the file, line and column of a syntax error', async () => {
    writeFileSync(join(dir, 'bad.ts'), 'export default function () {\n  const x: number = ;\n}\n');
    const err = await resolveImplementation({ impl: join(dir, 'bad.ts') }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(/bad\.ts:2:\d+: ERROR: /);
  });
});
