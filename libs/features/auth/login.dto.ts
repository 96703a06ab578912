import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { GLOBAL_ROLES, type GlobalRole } from '@app/core';

export class LoginDto {
  @ApiProperty({ example: 'admin@example.dk' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'admin-password' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password: string;
}

export class AccessTokenDto {
  @ApiProperty()
  accessToken: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'seconds until the token expires' })
  expiresIn: number;
}

export class LoginAnswerDto extends AccessTokenDto {
  @ApiProperty({ description: 'Sent as the header X-CSRF-Token with every change a browser makes with the session cookie' })
  csrfToken: string;
}

export class SessionPersonDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  email: string;

  @ApiProperty({ enum: GLOBAL_ROLES, isArray: true, description: 'Global roles; roles in a committee come from its memberships' })
  roles: GlobalRole[];

  @ApiProperty({ type: [String], description: 'The bodies the person acts for as director or administrator' })
  bodyIds: string[];
}

export class SessionDto {
  @ApiProperty({ type: SessionPersonDto })
  person: SessionPersonDto;

  @ApiProperty({ description: 'Sent as the header X-CSRF-Token with every change made with the session cookie' })
  csrfToken: string;
}
