import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@app/domain';

const NEW_PASSWORD = {
  minLength: MIN_PASSWORD_LENGTH,
  maxLength: MAX_PASSWORD_LENGTH,
  example: 'korrekt hest batteri hæfteklamme',
  description: `At least ${MIN_PASSWORD_LENGTH} characters and not easy to guess (common passwords, words, names, patterns, your own name or e-mail): else 400 password_too_weak, saying why in Danish`,
};

export class ChangePasswordDto {
  @ApiProperty({ maxLength: MAX_PASSWORD_LENGTH, description: 'The password used now; a wrong one counts as a failed login' })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_PASSWORD_LENGTH)
  currentPassword: string;

  @ApiProperty(NEW_PASSWORD)
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  newPassword: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'bija@hedensted.dk', maxLength: 320 })
  @IsEmail()
  @MaxLength(320)
  email: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({ maxLength: 200, description: 'The token of the e-mailed link (`/ny-adgangskode?token=`)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token: string;

  @ApiProperty(NEW_PASSWORD)
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}
