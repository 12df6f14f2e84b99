import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOG_LEVELS, VestnikConfig } from '@vestnik/server/config';
import { ApiExceptionFilter, apiValidationPipe } from '@vestnik/server/http';
import { AppModule } from './app.module';
import { requestBody } from './request-body';
import { editorContentSecurityPolicy, newNonce, securityHeaders, withNonce } from './security-headers';
import { VERSION } from './version';

/** Builds the configured application (without listening): used by main.ts and by the API tests. */
export async function createApp(config: VestnikConfig, databaseUrl: string): Promise<INestApplication> {
  const levels = LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.logLevel) + 1) as LogLevel[];
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), { logger: levels, bodyParser: false });
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  for (const handler of securityHeaders(config.notifications.publicUrl)) app.use(handler);
  for (const handler of requestBody()) app.use(handler);
  // The editor's session travels in cookies (HttpOnly token + CSRF double submit); API clients use bearer tokens.
  app.use(cookieParser());
  // Prometheus scrapes `/metrics`, beside the API rather than under it.
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  app.useGlobalPipes(apiValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Vestnik API')
      .setDescription('Планирование и публикация материалов официальных страниц. Ошибки: { statusCode, code, message, errors? }.')
      .setVersion(VERSION)
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);

  if (config.roles.includes('api')) serveEditor(app, config.editorDir);
  return app;
}

/** The built editor at `/`, with every non-API path answered by its index.html (client-side routes). */
function serveEditor(app: NestExpressApplication, editorDir: string): void {
  const index = join(editorDir, 'index.html');
  if (!existsSync(index)) {
    app.getHttpAdapter().getInstance().get('/', (_req: Request, res: Response) => {
      res.status(503).type('text/plain; charset=utf-8').send(`Редактор не собран: ${editorDir} не найден. Запустите npm start (он собирает редактор) или nx build editor.`);
    });
    return;
  }
  const page = readFileSync(index, 'utf8');
  app.useStaticAssets(editorDir, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api') || req.path === '/metrics') return next();
    const nonce = newNonce();
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Content-Security-Policy', editorContentSecurityPolicy(nonce));
    res.type('html').send(withNonce(page, nonce));
  });
}
