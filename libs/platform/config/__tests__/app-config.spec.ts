import { ConfigError, loadConfig } from '../app-config.js';

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
    ['TRUSTED_PROXIES', 'proxy.example.dk'],
    ['TRUSTED_PROXIES', '10.0.0.0/33'],
    ['SERVED_OVER_TLS', 'yes'],
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

  it('trusts no proxy unless told, and reads a list of addresses and networks', () => {
    expect(loadConfig({}).TRUSTED_PROXIES).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: '' }).TRUSTED_PROXIES).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.5, 10.1.0.0/16,fd00::/8' }).TRUSTED_PROXIES).toEqual(['10.0.0.5', '10.1.0.0/16', 'fd00::/8']);
  });

  it('treats an empty SMTP_URL as unset', () => {
    expect(loadConfig({ SMTP_URL: '  ' }).SMTP_URL).toBeUndefined();
  });
});
