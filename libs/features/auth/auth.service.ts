import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuditService } from '@app/audit';
import { DomainError } from '@app/domain';
import { DUMMY_PASSWORD_HASH, PasswordHasher, PersonRepository } from '@app/people';
import { AccessTokenDto, LoginDto } from './login.dto.js';
import { LoginRateLimiter } from './login-rate-limiter.js';

@Injectable()
export class AuthService {
  constructor(
    private readonly people: PersonRepository,
    private readonly jwt: JwtService,
    private readonly rateLimiter: LoginRateLimiter,
    private readonly audit: AuditService,
  ) {}

  async login({ email, password }: LoginDto, ip: string): Promise<AccessTokenDto> {
    const normalized = email.trim().toLowerCase();
    await this.rateLimiter.consume(normalized, ip);
    const person = await this.people.findByEmailWithLogin(normalized);
    const valid = await PasswordHasher.verify(person?.passwordHash ?? DUMMY_PASSWORD_HASH, password);
    if (!person?.passwordHash || !valid) {
      await this.audit.recordStandalone({ action: 'auth.login-failed', entityType: 'person', entityId: person?.id, statusCode: 401, details: { email: normalized } });
      throw new DomainError('unauthenticated', 'invalid_credentials', 'The e-mail or password is wrong');
    }
    const accessToken = await this.jwt.signAsync({ sub: person.id });
    await this.audit.recordStandalone({ action: 'auth.login', entityType: 'person', entityId: person.id, statusCode: 200, actor: { personId: person.id, email: person.email } });
    const { exp, iat } = this.jwt.decode<{ exp: number; iat: number }>(accessToken);
    return { accessToken, tokenType: 'Bearer', expiresIn: exp - iat };
  }
}
