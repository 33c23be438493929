import { describe, expect, it } from 'vitest';
import { UsageError } from '../../io/errors.ts';
import { resolveImplementation } from '../resolve.ts';

const here = new URL('.', import.meta.url).pathname;
const rel = (p: string) => `${here}${p}`;

describe('resolveImplementation', () => {
  it('defaults to the built-in engine', async () => {
    const impl = await resolveImplementation({});
    expect(impl.name).toBe('builtin');
  });

  it('loads a module path with a default factory', async () => {
    const impl = await resolveImplementation({ impl: rel('../../examples/ts-engine/engine.ts') });
    expect(impl.name).toBe('example:ts-engine');
    expect(impl.profile.slaveSg).toBe(true);
  });

  it('loads a module with only a named createImplementation', async () => {
    expect((await resolveImplementation({ impl: rel('fixtures/named-only.ts') })).name).toBe('fixture:named-only');
  });

  it('starts a command for --impl-cmd and takes name and profile from hello', async () => {
    const impl = await resolveImplementation({ implCmd: `python3 ${rel('../../examples/py-engine/engine.py')}`, timeoutMs: 2000 });
    try {
      expect(impl.name).toBe('example:py-engine');
      expect(impl.profile.cyclic).toBe(false);
    } finally {
      impl.dispose?.();
    }
  });

  it.each([
    [{ impl: 'nonsense' }, /unknown --impl 'nonsense'/],
    [{ impl: './does/not/exist.ts' }, /no such file/],
    [{ impl: rel('fixtures/no-factory.ts') }, /exports neither a default factory nor createImplementation/],
    [{ impl: rel('fixtures/bad-profile.ts') }, /bad profile: slaveSg/],
    [{ impl: 'builtin', implCmd: 'x' }, /either --impl or --impl-cmd/],
    [{ implCmd: 'engine | tee' }, /--impl-cmd: shell syntax/],
    [{ implCmd: '/no/such/engine --flag' }, /cannot run \/no\/such\/engine: command not found/],
    [{ impl: 'mutant:' }, /needs a name/],
  ])('%j is a one-line usage error', async (opts, msg) => {
    const p = resolveImplementation(opts);
    await expect(p).rejects.toBeInstanceOf(UsageError);
    await expect(p).rejects.toThrow(msg);
  });
});
