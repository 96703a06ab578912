import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@app/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeoplePersistenceModule } from '@app/people';

import { ActorRepository } from './actor.repository.js';
import { AuthSession } from './auth-session.entity.js';
import { AdminBootstrapService } from './admin-bootstrap.service.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { BrowserAdminAuth } from './browser-admin-auth.service.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { OidcController } from './oidc.controller.js';
import { OidcService } from './oidc.service.js';
import { PasswordResetService } from './password-reset.service.js';
import { PersonSessionsController } from './person-sessions.controller.js';
import { PersonSessionsService } from './person-sessions.service.js';
import { SessionRepository } from './session.repository.js';
import { VerifiedTokens } from './verified-tokens.js';

/** Login and server-side sessions, the global guard (bearer token or session cookie), and the admin login of pages a browser opens. */
@Global()
@Module({
  imports: [
    PeoplePersistenceModule,
    TypeOrmModule.forFeature([AuthSession]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A key object, not the string: given a string, jsonwebtoken tries to parse it as a PEM key on every
        // sign and verify before taking it as a secret, which cost a fifth of a meeting read.
        secret: createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')),
        signOptions: { expiresIn: config.JWT_EXPIRES_IN as `${number}h`, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, PersonSessionsController, OidcController],
  providers: [ActorRepository, SessionRepository, AuthService, PersonSessionsService, PasswordResetService, OidcService, LoginRateLimiter, AdminBootstrapService, BrowserAdminAuth, VerifiedTokens, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [BrowserAdminAuth],
})
export class AuthModule {}
