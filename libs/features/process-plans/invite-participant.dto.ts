import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { TrimToNull } from '@app/core';

export class InviteParticipantDto {
  @ApiProperty({ format: 'uuid', description: 'The person to invite to this phase only' })
  @IsUUID()
  personId: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000, example: 'Repræsentant for lokalrådene' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}
