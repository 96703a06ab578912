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
  ])('refuses %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });

  it('treats an empty SMTP_URL as unset', () => {
    expect(loadConfig({ SMTP_URL: '  ' }).SMTP_URL).toBeUndefined();
  });
});
