import { Global, Inject, Logger, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import { SecretBox, parseKey } from './secret-box';
import { sealedSharedSecret, sealPlainServerSecret, sharedSecret } from './server-secrets';
import type { SchemaPart } from './data-source';
import { SCHEMA_PARTS } from './database.module';
import { resealLegacySecrets } from './sealed-columns';

export const SECRET_BOX = Symbol('SECRET_BOX');
export const AUTH_TOKEN_SECRET = Symbol('AUTH_TOKEN_SECRET');
/** The `server_secrets` row of the token-signing secret (sealed); the key's fingerprint beside it stays plain. */
export const AUTH_TOKEN_SECRET_NAME = 'auth_token_secret';

/** Decorator for injecting the SecretBox. */
export const InjectSecretBox = () => Inject(SECRET_BOX);

async function loadSecretBox(config: VestnikConfig, dataSource: DataSource, schema: SchemaPart[]): Promise<SecretBox> {
  let key: Buffer | undefined;
  if (config.encryptionKey) {
    key = parseKey(config.encryptionKey);
  } else {
    const file = join(config.dataDir, 'encryption.key');
    if (!existsSync(file)) {
      mkdirSync(config.dataDir, { recursive: true });
      writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600 });
      new Logger('Secrets').log(`Generated an encryption key in ${file}; back it up with the database`);
    }
    key = parseKey(readFileSync(file, 'utf8'));
  }
  if (!key) throw new Error('VESTNIK_ENCRYPTION_KEY: must be 32 bytes written as 64 hex characters or in base64');
  const box = new SecretBox(key);
  // Every replica must hold the same key, or secrets sealed by one cannot be opened by another.
  const expected = await sharedSecret(dataSource, 'encryption_key_fingerprint', () => box.fingerprint);
  if (expected !== box.fingerprint) {
    throw new Error('VESTNIK_ENCRYPTION_KEY: this key differs from the one the database was started with; give every replica the same key');
  }
  await resealLegacySecrets(dataSource, box, schema.flatMap((part) => part.sealed ?? []));
  return box;
}

/**
 * The token-signing secret: the configured one (nothing is stored), or one shared through the
 * database, sealed like channel credentials. A plain value left by an older version is sealed either way.
 */
async function loadAuthTokenSecret(config: VestnikConfig, dataSource: DataSource, box: SecretBox): Promise<string> {
  if (await sealPlainServerSecret(dataSource, box, AUTH_TOKEN_SECRET_NAME)) new Logger('Secrets').log('Sealed the stored token-signing secret');
  return config.authTokenSecret ?? sealedSharedSecret(dataSource, box, AUTH_TOKEN_SECRET_NAME);
}

@Global()
@Module({
  providers: [
    { provide: SECRET_BOX, inject: [VESTNIK_CONFIG, getDataSourceToken(), SCHEMA_PARTS], useFactory: loadSecretBox },
    { provide: AUTH_TOKEN_SECRET, inject: [VESTNIK_CONFIG, getDataSourceToken(), SECRET_BOX], useFactory: loadAuthTokenSecret },
  ],
  exports: [SECRET_BOX, AUTH_TOKEN_SECRET],
})
export class SecretsModule {}
