import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { type Actor } from '@app/core';
import { AuthService } from './auth.service.js';
import { CurrentActor, Public } from '@app/access';
import { AccessTokenDto, LoginDto } from './login.dto.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange e-mail and password for a bearer token' })
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiUnauthorizedResponse({ description: 'wrong e-mail or password' })
  @ApiTooManyRequestsResponse({ description: 'too many attempts for this e-mail or address within a minute' })
  login(@Body() body: LoginDto, @Ip() ip: string): Promise<AccessTokenDto> {
    return this.auth.login(body, ip);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: "Who the token belongs to: global roles, today's seats, the bodies they act for (bodyIds) and those bodies' committees" })
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }
}
