import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsUUID, Min } from 'class-validator';

export class AddSubstituteDto {
  @ApiProperty({ format: 'uuid', description: 'The substitute: anyone who holds no seat in the committee during the seat' })
  @IsUUID()
  personId: string;

  @ApiPropertyOptional({ minimum: 1, example: 1, description: 'Place in the list, 1 first; left out: last' })
  @IsOptional()
  @IsInt()
  @Min(1)
  position?: number;
}

export class ReplaceSubstitutesDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'The seat’s substitutes in the order they are called in; an empty list removes them all' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  personIds: string[];
}
