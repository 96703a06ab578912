import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

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
