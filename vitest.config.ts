import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // The same aliases as tsconfig.json's paths, which Astro reads for the site.
  resolve: {
    alias: {
      '@calc': here('./src/calc'),
      '@lessons': here('./src/lessons'),
      '@exercises': here('./src/exercises'),
      '@components': here('./components'),
      '@i18n': here('./src/i18n'),
    },
  },
  test: {
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/e2e/**', 'tests/lessons/page-weight.test.ts'],
        },
      },
      {
        // Browser tests: the global setup builds and serves the site once, only when one of these runs.
        extends: true,
        test: {
          name: 'e2e',
          // The page-weight budget measures the same built site.
          include: ['tests/e2e/**/*.test.ts', 'tests/lessons/page-weight.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
