import { Body, Controller, Get, Headers, HttpCode, Ip, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '@app/config';
import { type Actor } from '@app/core';
import { CurrentActor, Public } from '@app/access';
import { AuthService } from './auth.service.js';
import { CurrentSession } from './current-session.decorator.js';
import { LoginAnswerDto, LoginDto, SessionDto } from './login.dto.js';
import { clearedSessionCookie, type RequestSession, sessionCookie } from './session-token.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange e-mail and password for a bearer token and a browser session',
    description:
      'Opens a server-side session. API clients send `Authorization: Bearer <accessToken>`; a browser keeps the HttpOnly cookie `session` this sets, and sends `X-CSRF-Token: <csrfToken>` with every change.',
  })
  @ApiOkResponse({ type: LoginAnswerDto })
  @ApiUnauthorizedResponse({ description: 'wrong e-mail or password' })
  @ApiTooManyRequestsResponse({ description: 'too many attempts for this e-mail or address within a minute' })
  async login(
    @Body() body: LoginDto,
    @Ip() ip: string,
    @Headers('user-agent') userAgent: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginAnswerDto> {
    const answer = await this.auth.login(body, { ip, userAgent });
    reply.header('set-cookie', sessionCookie(answer.accessToken, answer.expiresIn, this.config.SERVED_OVER_TLS));
    return answer;
  }

  @Get('session')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The person of the session (cookie or bearer token) and its csrf token' })
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({ description: 'no session, or it has ended' })
  session(@CurrentActor() actor: Actor, @CurrentSession() session: RequestSession): Promise<SessionDto> {
    return this.auth.session(actor, session);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End the session at once (its token stops working) and clear the session cookie' })
  @ApiNoContentResponse({ description: 'the session has ended' })
  @ApiForbiddenResponse({ description: 'sent with the cookie but without the X-CSRF-Token of the session' })
  async logout(@CurrentActor() actor: Actor, @CurrentSession() session: RequestSession, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(actor, session);
    reply.header('set-cookie', clearedSessionCookie(this.config.SERVED_OVER_TLS));
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who the token belongs to, with global roles' })
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }
}
