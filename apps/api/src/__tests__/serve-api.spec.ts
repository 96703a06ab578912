import { jest } from '@jest/globals';
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

describe('serveApi in development', () => {
  it('says loudly that it runs with the public development secrets', async () => {
    const warned = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      // The start then fails on the unreachable database; the warning comes before it.
      await serveApi(loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none', LOG_LEVEL: 'silent', HOST: '127.0.0.1' }), 'api').catch(() => undefined);
      expect(warned.mock.calls.map(([message]) => String(message)).join('\n')).toMatch(/!!! DEVELOPMENT MODE: using the public development JWT_SECRET \(anyone can forge tokens\) and ADMIN_PASSWORD/);
    } finally {
      warned.mockRestore();
    }
  });
});
