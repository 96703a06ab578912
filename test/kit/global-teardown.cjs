const { Client } = require('pg');

/** Drops every database this run made. */
module.exports = async function globalTeardown() {
  const template = process.env.COMMITTEE_WORK_TEST_TEMPLATE;
  if (!template) return;
  const server = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';
  const client = new Client({ connectionString: `${server.replace(/\/$/, '')}/postgres` });
  await client.connect();
  try {
    const prefix = template.replace(/_template$/, '');
    const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
};
