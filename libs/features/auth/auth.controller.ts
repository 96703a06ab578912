import { Body, Controller, Get, Headers, HttpCode, Ip, Post, Put, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
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
import { type Actor, ApiRefusals } from '@app/core';
import { CurrentActor, Public } from '@app/access';
import { AuthService } from './auth.service.js';
import { CurrentSession } from './current-session.decorator.js';
import { LoginAnswerDto, LoginDto, SessionDto } from './login.dto.js';
import { ChangePasswordDto, PasswordResetConfirmDto, PasswordResetRequestDto } from './password.dto.js';
import { PasswordResetService } from './password-reset.service.js';
import { clearedSessionCookie, type RequestSession, sessionCookie } from './session-token.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwordReset: PasswordResetService,
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

  @Put('password')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change your own password', description: 'The current password is required; every other session of yours ends at once, this one goes on.' })
  @ApiNoContentResponse({ description: 'the password is changed' })
  @ApiRefusals({
    400: 'the current password is wrong (current_password_wrong, counted as a failed login), or the new one is too weak (password_too_weak)',
    403: 'sent with the cookie but without the X-CSRF-Token of the session',
  })
  @ApiTooManyRequestsResponse({ description: 'too many attempts for this e-mail or address within a minute' })
  changePassword(
    @CurrentActor() actor: Actor,
    @CurrentSession() session: RequestSession,
    @Body() body: ChangePasswordDto,
    @Ip() ip: string,
  ): Promise<void> {
    return this.auth.changePassword(actor, session, body, { ip });
  }

  @Public()
  @Post('password-reset')
  @HttpCode(202)
  @ApiOperation({
    summary: 'E-mail a link to choose a new password',
    description:
      'Answers 202 whether or not anyone has the address, so it tells nobody who has a login. A person with a login gets a single-use link to `/ny-adgangskode?token=` that works for PASSWORD_RESET_LINK_VALID_SECONDS (at most an hour).',
  })
  @ApiAcceptedResponse({ description: 'if a person with a login has the address, the e-mail is on its way' })
  @ApiRefusals({ 400: 'the e-mail is malformed, or an unknown field was sent' })
  @ApiTooManyRequestsResponse({ description: 'too many requests for this address or from this client within an hour' })
  requestPasswordReset(@Body() body: PasswordResetRequestDto, @Ip() ip: string): Promise<void> {
    return this.passwordReset.request(body, ip);
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Choose a password through an e-mailed link (reset or welcome)',
    description: 'The link works once; every session of the person ends, and so do their other links. Then log in with the new password.',
  })
  @ApiNoContentResponse({ description: 'the password is set' })
  @ApiRefusals({ 400: 'the link is unknown, used or expired (password_token_invalid), or the password is too weak (password_too_weak)' })
  confirmPasswordReset(@Body() body: PasswordResetConfirmDto): Promise<void> {
    return this.passwordReset.confirm(body);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who the token belongs to, with global roles' })
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }
}
