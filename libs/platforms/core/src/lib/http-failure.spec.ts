import axios from 'axios';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { classifyHttpStatus, classifyRequestError } from './http-failure';

const ctx = { platformTitle: 'ВКонтакте', secrets: ['supersecrettoken'] } as const;

async function failureOf(url: string, timeout: number): Promise<unknown> {
  try {
    await axios.post(url, 'access_token=supersecrettoken', { timeout, maxRedirects: 0 });
  } catch (error) {
    return error;
  }
  throw new Error('request unexpectedly succeeded');
}

describe('classifyRequestError against a real socket', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req) => {
      req.resume();
      req.on('end', () => {
        if (req.url === '/drop') req.socket.destroy();
        // '/silent' never answers: the client times out after sending.
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('connection refused is transient for a write (nothing was sent)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const outcome = classifyRequestError(await failureOf(`http://127.0.0.1:${port}/x`, 2000), { ...ctx, kind: 'write' });
    expect(outcome.status).toBe('transient');
  });

  it('a connection dropped after the body was written is unconfirmed for a write', async () => {
    const outcome = classifyRequestError(await failureOf(`${base}/drop`, 5000), { ...ctx, kind: 'write', retrySafe: true });
    expect(outcome).toMatchObject({ status: 'unconfirmed', retrySafe: true });
    expect(outcome.reason).toContain('оборвал соединение');
  });

  it('a timeout after sending is unconfirmed for a write and transient for a read', async () => {
    const error = await failureOf(`${base}/silent`, 200);
    expect(classifyRequestError(error, { ...ctx, kind: 'write' })).toMatchObject({ status: 'unconfirmed', retrySafe: false });
    expect(classifyRequestError(error, { ...ctx, kind: 'read' }).status).toBe('transient');
  });

  it('never puts a known secret into the reason', () => {
    const outcome = classifyRequestError(new Error('boom supersecrettoken'), { ...ctx, kind: 'write' });
    expect(outcome.reason).not.toContain('supersecrettoken');
  });
});

describe('classifyHttpStatus', () => {
  it('treats a 5xx on a write as unconfirmed and on a read as transient', () => {
    expect(classifyHttpStatus(502, { ...ctx, kind: 'write' }).status).toBe('unconfirmed');
    expect(classifyHttpStatus(502, { ...ctx, kind: 'read' }).status).toBe('transient');
  });
});
