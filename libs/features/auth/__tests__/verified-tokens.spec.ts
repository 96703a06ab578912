import { jest } from '@jest/globals';
import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { VerifiedTokens } from '../verified-tokens.js';

const jwt = new JwtService({
  secret: createSecretKey(Buffer.from('a secret for the test only', 'utf8')),
  signOptions: { expiresIn: '1h', algorithm: 'HS256' },
  verifyOptions: { algorithms: ['HS256'] },
});
const claims = { sub: 'person-1', sid: 'session-1' };

describe('tokens verified once per process', () => {
  afterEach(() => jest.useRealTimers());

  it('gives the claims of a valid token, and checks its signature only the first time', async () => {
    const tokens = new VerifiedTokens(jwt);
    const token = jwt.sign(claims);
    const verify = jest.spyOn(jwt, 'verifyAsync');
    expect(await tokens.claimsOf(token)).toMatchObject(claims);
    expect(await tokens.claimsOf(token)).toMatchObject(claims);
    expect(verify).toHaveBeenCalledTimes(1);
    verify.mockRestore();
  });

  it('refuses a token signed with another secret, or changed after signing, however often it is sent', async () => {
    const tokens = new VerifiedTokens(jwt);
    const forged = new JwtService({ secret: 'another secret', signOptions: { algorithm: 'HS256' } }).sign(claims, { expiresIn: '1h' });
    const [header, , signature] = jwt.sign(claims).split('.');
    const tampered = [header, Buffer.from(JSON.stringify({ ...claims, sub: 'person-2', exp: 4_102_444_800 })).toString('base64url'), signature].join('.');
    for (const token of [forged, forged, tampered, tampered, 'not a token']) await expect(tokens.claimsOf(token)).rejects.toThrow();
  });

  it('refuses a remembered token from the moment it expires', async () => {
    jest.useFakeTimers({ now: new Date('2027-03-01T09:00:00Z') });
    const tokens = new VerifiedTokens(jwt);
    const token = jwt.sign(claims, { expiresIn: '10m' });
    expect(await tokens.claimsOf(token)).toMatchObject(claims);
    jest.setSystemTime(new Date('2027-03-01T09:09:59Z'));
    expect(await tokens.claimsOf(token)).toMatchObject(claims);
    jest.setSystemTime(new Date('2027-03-01T09:10:00Z'));
    await expect(tokens.claimsOf(token)).rejects.toThrow('jwt expired');
    await expect(tokens.claimsOf(token)).rejects.toThrow('jwt expired');
  });
});
