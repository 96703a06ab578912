import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { IsOmittable, NoControlCharacters, Trim, TrimToNull } from '@app/core';
import type { StrategicAim } from './strategic-aim.entity.js';

export class CreateAimDto {
  @ApiProperty({ example: 'Vækst i balance', maxLength: 200, description: "The aim's title, unique within the body" })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @NoControlCharacters()
  title: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5_000, example: 'Vi skaber vækst i hele kommunen, med plads til både by og land.' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(5_000)
  description?: string | null;

  @ApiPropertyOptional({ minimum: 1, example: 1, description: "The aim's place in the body's list, from 1; by default last" })
  @IsOmittable()
  @IsInt()
  @Min(1)
  position?: number;
}

/** Any field of the aim; the title may be left out but not cleared. */
export class UpdateAimDto {
  @ApiPropertyOptional({ example: 'Vækst i balance', maxLength: 200 })
  @IsOmittable()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @NoControlCharacters()
  title?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5_000, description: 'null clears it' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(5_000)
  description?: string | null;

  @ApiPropertyOptional({ minimum: 1, example: 2, description: 'Moves the aim to this place in the list (past the end: last)' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  position?: number;
}

export class SetAimsDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    maxItems: 50,
    example: ['5d0f3a8e-2b1c-4c6e-9a7d-1e2f3a4b5c6d'],
    description: "All the aims it serves, replacing those it had (none: []). Each must be an aim of the body it works in, else 422 aim_of_other_body; an unknown id is 404.",
  })
  @Transform(({ value }) => (Array.isArray(value) ? value.map((id: unknown) => (typeof id === 'string' ? id.toLowerCase() : id)) : value))
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  aimIds: string[];
}

export class AimResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) bodyId: string;
  @ApiProperty({ example: 'Vækst i balance' }) title: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ example: 1 }) position: number;

  static from(aim: StrategicAim): AimResponseDto {
    return { id: aim.id, bodyId: aim.bodyId, title: aim.title, description: aim.description, position: aim.position };
  }
}

export class AimTagsResponseDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'The aims it serves, in the order of the body’s list' })
  aimIds: string[];
}

export class StrategyCommitteeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Udvalg for lighed i sundhed' }) name: string;
}

export class StrategyPhaseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Partnerskaber' }) title: string;
  @ApiProperty({ format: 'uuid' }) committeeId: string;
  @ApiProperty() committeeName: string;
  @ApiProperty({ example: '2024-Q2' }) fromQuarter: string;
  @ApiProperty({ example: '2024-Q4' }) toQuarter: string;
  @ApiProperty({ example: 'planned' }) state: string;
}

export class StrategyItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 2 }) number: number;
  @ApiProperty({ description: 'A closed item reads "Lukket punkt" to anyone without a seat in its committee', example: 'Status på partnerskaber' }) title: string;
  @ApiProperty() closed: boolean;
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ format: 'date-time' }) meetingStartsAt: string;
  @ApiProperty({ format: 'uuid' }) committeeId: string;
  @ApiProperty() committeeName: string;
}

export class StrategyAimDto extends AimResponseDto {
  @ApiProperty({ type: [StrategyCommitteeDto] }) committees: StrategyCommitteeDto[];
  @ApiProperty({ type: [StrategyPhaseDto], description: 'Only phases of committees the reader may read' }) phases: StrategyPhaseDto[];
  @ApiProperty({ type: [StrategyItemDto], description: 'Only items of committees the reader may read' }) items: StrategyItemDto[];
}

export class StrategyResponseDto {
  @ApiProperty({ format: 'uuid' }) bodyId: string;
  @ApiProperty({ example: 'Hedensted Kommune' }) bodyName: string;
  @ApiProperty({ type: [StrategyAimDto], description: "The body's aims in their order" }) aims: StrategyAimDto[];
}
