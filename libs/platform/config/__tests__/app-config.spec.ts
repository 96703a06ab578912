import { assertProductionSecrets, ConfigError, isLoopbackHost, loadConfig, productionSecretProblems } from '../app-config.js';

describe('loadConfig', () => {
  it('works with no variables at all, on a machine with Postgres and Redis on their usual ports', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/committee_work');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.PORT).toBe(3000);
    expect(config.PUBLIC_BASE_URL).toBe('http://localhost:3000');
    expect(config.SMTP_URL).toBeUndefined();
  });

  it('reads numbers and derives the public URL from the port', () => {
    const config = loadConfig({ PORT: '8080', SMTP_URL: 'smtp://mail.example.dk:25' });
    expect(config.PORT).toBe(8080);
    expect(config.PUBLIC_BASE_URL).toBe('http://localhost:8080');
    expect(config.SMTP_URL).toBe('smtp://mail.example.dk:25');
  });

  it.each([
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['REDIS_URL', 'not a url'],
    ['SMTP_URL', 'http://mail'],
    ['PORT', '70000'],
    ['PORT', 'eighty'],
    ['ADMIN_EMAIL', 'nobody'],
    ['ADMIN_PASSWORD', 'short'],
    ['PUBLIC_BASE_URL', 'ftp://x'],
    ['REMINDER_TIME', '9:00'],
    ['REMINDER_TIME', '24:00'],
    ['REMINDER_PHASE_ENDING_WORKING_DAYS', '-1'],
    ['DELIVERY_LEASE_MS', '500'],
    ['SMTP_URGENT_CONNECTIONS', '5'],
    ['DELIVERY_LEASE_RENEWAL_MS', '6000'],
    ['TRUSTED_PROXIES', 'proxy.example.dk'],
    ['TRUSTED_PROXIES', '10.0.0.0/33'],
    ['SERVED_OVER_TLS', 'yes'],
    ['PUBLIC_RETENTION_YEARS', '0'],
    ['PUBLIC_RETENTION_YEARS', '2.5'],
    ['PUBLIC_RETENTION_YEARS', 'ten'],
  ])('refuses %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });

  it('schedules reminders at 09:00 with the offsets of the law and practice unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({
      REMINDER_TIME: '09:00',
      REMINDER_AGENDA_DEADLINE_WORKING_DAYS: 1,
      REMINDER_COMMISSION_APPROVAL_WORKING_DAYS: 5,
      REMINDER_PHASE_ENDING_WORKING_DAYS: 10,
      REMINDER_MINUTES_UNSIGNED_WORKING_DAYS: 5,
      AGENDA_UPDATE_COALESCE_MS: 60_000,
    });
    expect(loadConfig({ REMINDER_TIME: '07:30', REMINDER_PHASE_ENDING_WORKING_DAYS: '15' })).toMatchObject({ REMINDER_TIME: '07:30', REMINDER_PHASE_ENDING_WORKING_DAYS: 15 });
  });

  it('keeps meetings public for good unless PUBLIC_RETENTION_YEARS is set', () => {
    expect(loadConfig({}).PUBLIC_RETENTION_YEARS).toBeUndefined();
    expect(loadConfig({ PUBLIC_RETENTION_YEARS: ' ' }).PUBLIC_RETENTION_YEARS).toBeUndefined();
    expect(loadConfig({ PUBLIC_RETENTION_YEARS: '10' }).PUBLIC_RETENTION_YEARS).toBe(10);
  });

  it('trusts no proxy unless told, and reads a list of addresses and networks', () => {
    expect(loadConfig({}).TRUSTED_PROXIES).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: '' }).TRUSTED_PROXIES).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.5, 10.1.0.0/16,fd00::/8' }).TRUSTED_PROXIES).toEqual(['10.0.0.5', '10.1.0.0/16', 'fd00::/8']);
  });

  it('treats an empty SMTP_URL as unset', () => {
    expect(loadConfig({ SMTP_URL: '  ' }).SMTP_URL).toBeUndefined();
  });

  describe('secrets outside development', () => {
    const strong = { JWT_SECRET: 'x'.repeat(32), ADMIN_PASSWORD: 'a-real-admin-password' };

    it('listens on loopback in development by default, and then accepts the development secrets', () => {
      const config = loadConfig({});
      expect(config.HOST).toBe('127.0.0.1');
      expect(productionSecretProblems(config)).toEqual([]);
      expect(() => assertProductionSecrets(config)).not.toThrow();
    });

    it.each([{ NODE_ENV: 'production' }, { HOST: '0.0.0.0' }, { HOST: '::' }, { HOST: '192.168.1.20' }])(
      'refuses the default JWT_SECRET and ADMIN_PASSWORD with %j, naming each variable',
      (env) => {
        const config = loadConfig(env);
        expect(productionSecretProblems(config)).toEqual([expect.stringMatching(/^JWT_SECRET: /), expect.stringMatching(/^ADMIN_PASSWORD: /)]);
        expect(() => assertProductionSecrets(config)).toThrow(ConfigError);
        expect(() => assertProductionSecrets(config)).toThrow(/JWT_SECRET:[\s\S]*ADMIN_PASSWORD:/);
      },
    );

    it('refuses a JWT_SECRET shorter than 32 bytes in production, and accepts 32', () => {
      expect(productionSecretProblems(loadConfig({ NODE_ENV: 'production', ...strong, JWT_SECRET: 'y'.repeat(31) }))).toEqual([expect.stringMatching(/^JWT_SECRET: must be at least 32 bytes/)]);
      expect(productionSecretProblems(loadConfig({ NODE_ENV: 'production', ...strong }))).toEqual([]);
      expect(productionSecretProblems(loadConfig({ HOST: '0.0.0.0', ...strong }))).toEqual([]);
    });

    it('refuses a guessable ADMIN_PASSWORD in production, saying why; development keeps its default', () => {
      for (const ADMIN_PASSWORD of ['password1234', 'Password1234', 'admin@example.dk']) {
        expect(productionSecretProblems(loadConfig({ NODE_ENV: 'production', ...strong, ADMIN_PASSWORD }))).toEqual([expect.stringMatching(/^ADMIN_PASSWORD: too weak .*for let at gætte/)]);
      }
      expect(productionSecretProblems(loadConfig({ ADMIN_PASSWORD: 'password1234' }))).toEqual([]);
    });

    it('needs the client id and secret with OIDC_ISSUER, naming them', () => {
      expect(loadConfig({}).OIDC_ISSUER).toBeUndefined();
      expect(() => loadConfig({ OIDC_ISSUER: 'https://login.example.dk/tenant/v2.0' })).toThrow(/OIDC_CLIENT_ID[\s\S]*OIDC_CLIENT_SECRET/);
      expect(() => loadConfig({ OIDC_ISSUER: 'ldap://login.example.dk', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' })).toThrow(/OIDC_ISSUER/);
      expect(loadConfig({ OIDC_ISSUER: 'https://login.example.dk/tenant/v2.0', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' }).OIDC_CLIENT_ID).toBe('a');
    });

    it('keeps the reset link within an hour', () => {
      expect(loadConfig({}).PASSWORD_RESET_LINK_VALID_SECONDS).toBe(3600);
      expect(() => loadConfig({ PASSWORD_RESET_LINK_VALID_SECONDS: '7200' })).toThrow(/PASSWORD_RESET_LINK_VALID_SECONDS/);
      expect(loadConfig({}).WELCOME_LINK_VALID_HOURS).toBe(168);
    });

    it('counts only loopback addresses as loopback', () => {
      for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopbackHost(host)).toBe(true);
      for (const host of ['0.0.0.0', '::', '10.0.0.1', 'example.dk', '128.0.0.1']) expect(isLoopbackHost(host)).toBe(false);
    });
  });
});
