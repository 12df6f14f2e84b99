import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { LoginResponse } from '@vestnik/contracts';
import { loadConfig } from '@vestnik/server/config';
import { createTestDatabase, TestDatabase } from '@vestnik/server/testing';
import { createApp } from '../app/create-app';
import { SCHEMA } from '../app/schema';

export interface TestServer {
  app: INestApplication;
  http: TestAgent;
  db: TestDatabase;
  close(): Promise<void>;
}

/** The real application on a fresh database of its own. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const db = await createTestDatabase(SCHEMA);
  const dataDir = mkdtempSync(join(tmpdir(), 'vestnik-app-'));
  // The worker does not tick by itself in tests: they call PublishingWorker.tick() when they mean it.
  const config = loadConfig({ VESTNIK_DATA_DIR: dataDir, LOG_LEVEL: 'error', VESTNIK_EDITOR_DIR: join(dataDir, 'no-editor'), VESTNIK_ROLES: 'api', ...env });
  const app = await createApp(config, db.url);
  await app.init();
  return {
    app,
    http: request(app.getHttpServer()),
    db,
    async close() {
      await app.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const ROOT_ADMIN = { email: 'admin@sakhalin.gov.ru', password: 'верный-пароль-1', name: 'Анна Администратор' };

/** Runs first-run setup and answers the admin's login. */
export async function setupRoot(server: TestServer, timezone = 'Asia/Sakhalin'): Promise<LoginResponse> {
  const res = await server.http.post('/api/v1/setup').send({ organization: { name: 'Правительство Сахалинской области', timezone }, admin: ROOT_ADMIN }).expect(201);
  return res.body as LoginResponse;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export async function login(server: TestServer, email: string, password: string): Promise<string> {
  const res = await server.http.post('/api/v1/auth/login').send({ email, password }).expect(200);
  return (res.body as LoginResponse).accessToken;
}
