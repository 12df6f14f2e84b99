import { defineConfig } from '@playwright/test';
import { join } from 'node:path';

/**
 * Browser tests of the editor against the real server (built into dist/), which global setup starts
 * with a fresh embedded PostgreSQL. Run with `npm run test:e2e` from the workspace root.
 */
const outputRoot = join(__dirname, 'test-output');

export default defineConfig({
  testDir: join(__dirname, 'src'),
  outputDir: join(outputRoot, 'results'),
  globalSetup: require.resolve('./src/support/global-setup'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { outputFolder: join(outputRoot, 'report'), open: 'never' }]],
  use: {
    // Set by global setup in the runner; workers inherit it.
    baseURL: process.env['VESTNIK_E2E_BASE_URL'],
    headless: true,
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    viewport: { width: 1280, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      // Without the background-networking switches Chromium keeps calling home on a closed network.
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    // The first run must happen first: everything else signs in with the administrator it creates.
    { name: 'first-run', testMatch: /first-run\.spec\.ts/ },
    { name: 'editor', testIgnore: /first-run\.spec\.ts/, dependencies: ['first-run'] },
  ],
});
