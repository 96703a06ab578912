import { ConfigError, loadConfig } from '@app/config';
import { serveApi } from '../serve-api.js';

describe('serveApi outside development', () => {
  // Nothing listens on port 1: were the secrets not refused first, the start would fail on the database instead.
  const unreachable = { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none', LOG_LEVEL: 'silent' };

  it.each([{ NODE_ENV: 'production' }, { HOST: '0.0.0.0' }])('refuses to start with the public secrets (%j), naming them', async (env) => {
    const start = serveApi(loadConfig({ ...unreachable, ...env }), 'api');
    await expect(start).rejects.toThrow(ConfigError);
    await expect(serveApi(loadConfig({ ...unreachable, ...env }), 'api')).rejects.toThrow(/JWT_SECRET:[\s\S]*ADMIN_PASSWORD:/);
  });
});
