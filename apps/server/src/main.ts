import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig, redactUrl } from '@vestnik/server/config';
import { RunningPostgres, startEmbeddedPostgres } from '@vestnik/server/persistence';
import { createApp } from './app/create-app';

async function bootstrap(): Promise<void> {
  const logger = new Logger('Vestnik');
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }

  let embedded: RunningPostgres | undefined;
  let databaseUrl = config.databaseUrl;
  if (databaseUrl) {
    logger.log(`Using PostgreSQL at ${redactUrl(databaseUrl)}`);
  } else {
    logger.log(`Starting embedded PostgreSQL (data folder ${config.dataDir}, port ${config.embeddedPostgresPort})`);
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPostgresPort,
      portFixed: config.embeddedPostgresPortFixed,
      log: (m) => logger.log(m),
      warn: (m) => logger.warn(m),
    });
    databaseUrl = embedded.url;
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stopping`);
    await app?.close().catch((e: unknown) => logger.error(String(e)));
    await embedded?.stop().catch((e: unknown) => logger.error(String(e)));
    logger.log('Stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  try {
    app = await createApp(config, databaseUrl);
    await app.listen(config.port, config.host);
  } catch (e) {
    logger.error(`Could not start: ${e instanceof Error ? e.message : String(e)}`);
    await embedded?.stop().catch(() => undefined);
    process.exit(1);
  }
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  logger.log(`Vestnik is ready at http://${shown}:${config.port}/ (API /api/v1, docs /api/docs; roles: ${config.roles.join(', ')})`);
}

void bootstrap();
