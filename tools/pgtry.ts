import { startEmbeddedPostgres } from '../libs/server/persistence/src/lib/embedded-postgres';
(async () => {
  const pg = await startEmbeddedPostgres({ dataDir: process.argv[2], port: Number(process.argv[3]), log: console.log, warn: console.warn });
  console.log('URL', pg.url.replace(/:[^:@]+@/, ':***@'), pg.clusterDir);
  const { Client } = require('pg');
  const c = new Client({ connectionString: pg.url }); await c.connect(); console.log((await c.query('select version()')).rows[0]); await c.end();
  await pg.stop(); console.log('stopped');
})().catch((e) => { console.error('FAIL', e); process.exit(1); });
