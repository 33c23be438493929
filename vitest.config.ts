import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// `dmacheck-source`: the package's own exports (`dmacheck/...`, as emitted regression tests
// import it) resolve to the .ts sources of this checkout rather than to a built dist/.
const conditions = ['dmacheck-source', ...defaultServerConditions];

export default defineConfig({
  ssr: { resolve: { conditions } },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
