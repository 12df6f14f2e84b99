import { startSandbox } from './app/sandbox';

/** `npm run sandbox`: the four platform emulators on SANDBOX_PORT (default 3900). */
async function main(): Promise<void> {
  const port = process.env['SANDBOX_PORT'] ? Number(process.env['SANDBOX_PORT']) : 3900;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`SANDBOX_PORT must be a port number, got ${process.env['SANDBOX_PORT']}`);
  const hosts = process.env['SANDBOX_HOST'] ? [process.env['SANDBOX_HOST']] : ['127.0.0.1', '::1'];
  const sandbox = await startSandbox({ port, hosts });
  console.log(`[sandbox] listening on ${sandbox.url} (feeds at /, control API at /control)`);
  const base = process.env['SANDBOX_HOST'] ? sandbox.url : `http://localhost:${sandbox.port}`;
  console.log(`[sandbox] VK_API_URL=${base}/vk/method VK_ID_URL=${base}/vk-id OK_API_URL=${base}/ok/fb.do OK_OAUTH_URL=${base}/ok TELEGRAM_API_URL=${base}/telegram MAX_API_URL=${base}/max`);
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`[sandbox] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
