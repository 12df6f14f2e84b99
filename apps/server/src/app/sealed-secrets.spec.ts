import { createCipheriv, randomBytes, randomUUID } from 'node:crypto';
import { CHANNELS_SCHEMA, channelCredentialsAt, openChannelCredentials } from '@vestnik/server/channels';
import { resealLegacySecrets, sealedSharedSecret, sealPlainServerSecret, SecretBox, serverSecretAt } from '@vestnik/server/persistence';
import { createTestDatabase, TestDatabase } from '@vestnik/server/testing';
import { SCHEMA } from './schema';

/** A value as the box sealed it before values were bound to their row (format v1). */
function legacySeal(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

describe('secrets sealed before binding', () => {
  let db: TestDatabase;
  const key = randomBytes(32);
  const box = new SecretBox(key);

  beforeAll(async () => {
    db = await createTestDatabase(SCHEMA);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('are re-sealed once, bound to their row; an unreadable one is left alone without stopping the start', async () => {
    const [org] = await db.dataSource.query(`INSERT INTO organizations (name, path, own_timezone) VALUES ('Корень', '/root/', 'UTC') RETURNING id`);
    const insert = async (credentials: string) => {
      const id = randomUUID();
      await db.dataSource.query(
        `INSERT INTO channels (id, organization_id, platform, name, target, remote_target_id, credentials, state, can_post) VALUES ($1, $2, 'telegram', $3, $3, $3, $4, 'active', true)`,
        [id, org.id, `t-${id.slice(0, 8)}`, credentials],
      );
      return id;
    };
    const good = await insert(legacySeal(key, JSON.stringify({ botToken: '1:AAold' })));
    const broken = await insert(legacySeal(randomBytes(32), JSON.stringify({ botToken: '2:AAother-key' })));

    expect(await resealLegacySecrets(db.dataSource, box, CHANNELS_SCHEMA.sealed ?? [])).toBe(1);
    const [row] = await db.dataSource.query('SELECT credentials FROM channels WHERE id = $1', [good]);
    expect(SecretBox.isLegacy(row.credentials)).toBe(false);
    expect(openChannelCredentials(box, { id: good, credentials: row.credentials })).toEqual({ botToken: '1:AAold' });
    expect(() => box.open(row.credentials, channelCredentialsAt(broken))).toThrow();
    const [left] = await db.dataSource.query('SELECT credentials FROM channels WHERE id = $1', [broken]);
    expect(SecretBox.isLegacy(left.credentials)).toBe(true);
    // A second start finds nothing left to do.
    expect(await resealLegacySecrets(db.dataSource, box, CHANNELS_SCHEMA.sealed ?? [])).toBe(0);
  });
});

describe('the token-signing secret of an older database', () => {
  let db: TestDatabase;
  const box = new SecretBox(randomBytes(32));

  beforeAll(async () => {
    db = await createTestDatabase(SCHEMA);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('is sealed in place once, and still opens to the same secret (tokens signed before stay valid)', async () => {
    const plain = randomBytes(48).toString('base64url');
    await db.dataSource.query(`INSERT INTO server_secrets (name, value) VALUES ('auth_token_secret', $1), ('encryption_key_fingerprint', 'abc123')`, [plain]);

    expect(await sealPlainServerSecret(db.dataSource, box, 'auth_token_secret')).toBe(true);
    const rows: { name: string; value: string }[] = await db.dataSource.query('SELECT name, value FROM server_secrets ORDER BY name');
    expect(JSON.stringify(rows)).not.toContain(plain);
    expect(box.open(rows[0].value, serverSecretAt('auth_token_secret'))).toBe(plain);
    expect(rows[1]).toEqual({ name: 'encryption_key_fingerprint', value: 'abc123' });

    expect(await sealPlainServerSecret(db.dataSource, box, 'auth_token_secret')).toBe(false);
    expect(await sealedSharedSecret(db.dataSource, box, 'auth_token_secret')).toBe(plain);
  });

  it('is created sealed when there is none', async () => {
    const secret = await sealedSharedSecret(db.dataSource, box, 'fresh_secret');
    const [row] = await db.dataSource.query(`SELECT value FROM server_secrets WHERE name = 'fresh_secret'`);
    expect(row.value).toMatch(/^v2\./);
    expect(row.value).not.toContain(secret);
    expect(await sealedSharedSecret(db.dataSource, box, 'fresh_secret')).toBe(secret);
  });
});
