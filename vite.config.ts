// One Vite config for the client build (`vite build client --config vite.config.ts`) and for
// Vitest, whose projects split fast unit tests from the tests that start servers and browsers.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/socket.io': { target: 'http://localhost:3000', ws: true } } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Projects run one after another (unit, integration, e2e) so real servers and browsers
          // never compete for the two cores with each other.
          sequence: { groupOrder: 0 },
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'client/src/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['server/test/**/*.test.ts'],
          exclude: ['server/test/reliability/**', 'server/test/cluster/**', 'server/test/edge/**'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          // Several server node processes on a real PostgreSQL and Redis, which globalSetup starts
          // for these files only (and stops afterwards); after the integration tests, not beside
          // them, so their timing-sensitive tests keep the two cores.
          name: 'cluster',
          sequence: { groupOrder: 2 },
          include: ['server/test/cluster/**/*.test.ts'],
          globalSetup: ['server/test/cluster/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // Fuzzing, crashes and churn load the machine: after the integration tests, not beside them.
          name: 'reliability',
          sequence: { groupOrder: 3 },
          include: ['server/test/reliability/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          sequence: { groupOrder: 4 },
          include: ['e2e/specs/**/*.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 60_000,
          // Each spec drives real Chromium and a real SFU: one at a time on two cores.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // https against a real ACME CA: Debian's pebble, started by the tests on loopback.
          name: 'edge',
          sequence: { groupOrder: 5 },
          include: ['server/test/edge/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
