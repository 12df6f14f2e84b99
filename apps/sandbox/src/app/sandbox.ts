import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { controlRouter } from '../control/control-router';
import { stampArrival } from '../http/arrival';
import { feedsRouter } from '../feeds/feeds-page';
import { okOauthRouter } from '../ok/ok-oauth';
import { okRouter } from '../ok/ok-router';
import { okUploadRouter } from '../ok/ok-upload';
import { maxRouter } from '../max/max-router';
import { loadSpecs } from '../specs/load-specs';
import { SandboxClock } from '../state/clock';
import { FaultRegistry } from '../state/faults';
import { RateLimiter } from '../state/rate-limits';
import { SandboxStore } from '../state/store';
import { telegramRouter } from '../telegram/tg-router';
import { vkIdRouter } from '../vk/vk-id';
import { vkRouter } from '../vk/vk-router';
import { vkUploadRouter } from '../vk/vk-upload';
import type { SandboxContext } from './context';

export interface SandboxOptions {
  /** 0 picks a free port. */
  port: number;
  /** Addresses to listen on, default `127.0.0.1`; extra ones (e.g. `::1`) are skipped if unavailable. */
  hosts?: string[];
}

export interface SandboxHandle {
  /** e.g. `http://127.0.0.1:3900` */
  url: string;
  port: number;
  context: SandboxContext;
  close(): Promise<void>;
}

/** Builds the express app: VK, VK ID, OK (API and OAuth), Telegram, MAX, control API and feeds, each under its prefix. */
export function createSandboxApp(ctx: SandboxContext): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(stampArrival(ctx.clock));
  app.use('/vk', vkRouter(ctx));
  app.use('/vk/upload', vkUploadRouter(ctx));
  app.use('/vk-id', vkIdRouter(ctx));
  app.use('/ok', okRouter(ctx));
  app.use('/ok/upload', okUploadRouter(ctx));
  app.use('/ok/oauth', okOauthRouter(ctx));
  app.use('/telegram', telegramRouter(ctx));
  app.use('/max', maxRouter(ctx));
  app.use('/control', controlRouter(ctx));
  app.use('/', feedsRouter(ctx));
  app.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 'not found' });
  });
  // Body parse errors (bad JSON, oversized files) are the client's fault: say so plainly.
  // Express recognises an error handler by its four parameters, so `next` stays although unused.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  app.use((error: Error & { status?: number; statusCode?: number }, _req: Request, res: Response, _next: NextFunction) => {
    const status = error.status ?? error.statusCode ?? 500;
    if (!res.headersSent) res.status(status >= 400 && status < 600 ? status : 500).json({ error: error.message });
  });
  return app;
}

export function createSandboxContext(): SandboxContext {
  const clock = new SandboxClock();
  return {
    specs: loadSpecs(),
    store: new SandboxStore(),
    clock,
    limits: new RateLimiter(clock),
    faults: new FaultRegistry(),
  };
}

function listen(app: express.Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, () => resolve(server));
    server.once('error', reject);
  });
}

/** Starts the sandbox in this process; tests use port 0 and the returned URL. */
export async function startSandbox(options: SandboxOptions): Promise<SandboxHandle> {
  const context = createSandboxContext();
  const app = createSandboxApp(context);
  const [first, ...others] = options.hosts?.length ? options.hosts : ['127.0.0.1'];
  const servers = [await listen(app, options.port, first)];
  const port = (servers[0].address() as AddressInfo).port;
  for (const host of others) {
    // Localhost may resolve to ::1 for some clients; where IPv6 is off, the first address suffices.
    await listen(app, port, host).then((s) => servers.push(s), () => undefined);
  }
  return {
    url: `http://${first.includes(':') ? `[${first}]` : first}:${port}`,
    port,
    context,
    close: () =>
      Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      ).then(() => undefined),
  };
}
