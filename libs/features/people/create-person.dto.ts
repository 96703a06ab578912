import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayUnique, IsArray, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { GLOBAL_ROLES, type GlobalRole, IsOmittable, NoControlCharacters, Trim, TrimToNull } from '@app/core';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@app/domain';

export class CreatePersonDto {
  @ApiProperty({ example: 'Birgit Jakobsen', maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @NoControlCharacters()
  name: string;

  @ApiProperty({ example: 'bija@hedensted.dk', description: 'Stored lower-case; one person per e-mail' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'KD', description: 'Party of a politician' })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  party?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Direktør for Social Omsorg' })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @NoControlCharacters()
  title?: string | null;

  @ApiPropertyOptional({ enum: GLOBAL_ROLES, isArray: true, example: ['director'], description: 'Global roles; roles in a committee come from its memberships' })
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(GLOBAL_ROLES, { each: true })
  roles?: GlobalRole[];

  @ApiPropertyOptional({
    minLength: MIN_PASSWORD_LENGTH,
    maxLength: MAX_PASSWORD_LENGTH,
    example: 'Hedensted-udvalg-2024',
    description: `Gives the person a login; a person who gets one is sent a welcome e-mail with a link to choose their own password. At least ${MIN_PASSWORD_LENGTH} characters and not easy to guess, else 400 password_too_weak. Never returned.`,
  })
  @IsOmittable()
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password?: string;
}
