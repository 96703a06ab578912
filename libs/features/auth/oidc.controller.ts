import { Controller, Get, Headers, Ip, Query, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiQuery, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@app/access';
import { AppConfig } from '@app/config';
import { ApiRefusals } from '@app/core';
import { OIDC_STATE_COOKIE, OIDC_STATE_SECONDS, OidcService } from './oidc.service.js';
import { cookieValue, sessionCookie } from './session-token.js';

const STATE_COOKIE_PATH = '/api/auth/oidc';

/** Whether signing in with the municipality's identity provider is offered here. */
export class SingleSignOnDto {
  @ApiProperty({ description: 'true when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set: the login page offers "Log ind med kommunens login"' })
  enabled: boolean;
}

@ApiTags('auth')
@Controller('auth/oidc')
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    private readonly config: AppConfig,
  ) {}

  private stateCookie(value: string, maxAge: number): string {
    return `${OIDC_STATE_COOKIE}=${value}; Path=${STATE_COOKIE_PATH}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${this.config.SERVED_OVER_TLS ? '; Secure' : ''}`;
  }

  @Public()
  @Get()
  @ApiOperation({ summary: 'Whether single sign-on is set up here, so the login page knows whether to offer it' })
  @ApiOkResponse({ type: SingleSignOnDto })
  singleSignOn(): SingleSignOnDto {
    return { enabled: this.oidc.configured };
  }

  @Public()
  @Get('login')
  @ApiOperation({ summary: "Sign in with the municipality's identity provider (OpenID Connect)", description: 'Redirects to the provider; afterwards the browser lands on `naeste` (a path of this site) with the session cookie.' })
  @ApiQuery({ name: 'naeste', required: false, description: 'Where to land after signing in: a path of this site, e.g. /moeder/<id>' })
  @ApiFoundResponse({ description: "to the identity provider's sign-in" })
  @ApiRefusals({ 404: 'single sign-on is not set up here (oidc_not_configured)' })
  async login(@Query('naeste') next: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const { location, stateCookie } = await this.oidc.start(typeof next === 'string' ? next : undefined);
    await reply.header('set-cookie', this.stateCookie(stateCookie, OIDC_STATE_SECONDS)).redirect(location, 302);
  }

  @Public()
  @Get('callback')
  @ApiOperation({ summary: "The identity provider's answer: sets the session cookie and redirects to where the sign-in began" })
  @ApiFoundResponse({ description: 'signed in: to `naeste`' })
  @ApiRefusals({ 404: 'single sign-on is not set up here' })
  @ApiUnauthorizedResponse({ description: 'the sign-in expired or was refused, or nobody with a login has the e-mail (oidc_sign_in_failed)' })
  async callback(@Req() request: FastifyRequest, @Ip() ip: string, @Headers('user-agent') userAgent: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const { session, next } = await this.oidc.finish(request.url, cookieValue(request.headers.cookie, OIDC_STATE_COOKIE), { ip, userAgent });
    await reply
      .header('set-cookie', [sessionCookie(session.accessToken, session.expiresIn, this.config.SERVED_OVER_TLS), this.stateCookie('', 0)])
      .redirect(next, 302);
  }
}
