import { createHash } from 'node:crypto';

// OWASP's argon2id baseline: 19 MiB memory, 2 iterations, 1 lane.
const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// The native argon2 binding is loaded by the first hash or check: only the API makes them, the worker never does.
const argon2 = () => import('@node-rs/argon2');

export const PasswordHasher = {
  async hash(password: string): Promise<string> {
    return (await argon2()).hash(password, OPTIONS);
  },
  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await (await argon2()).verify(passwordHash, password);
    } catch {
      return false;
    }
  },
};

/** Verified against when the e-mail is unknown, so a login takes as long whether or not the person exists. */
export const DUMMY_PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$6R9i3PDbNlFaMrmiI4u9nh7BJ8cW12mD2xLr5vgMT0o';

/** The digest PersonSql.loginFingerprint computes in SQL, of a password hash read here. */
export const loginFingerprint = (passwordHash: string | null): string => createHash('sha256').update(passwordHash ?? '', 'utf8').digest('hex');
