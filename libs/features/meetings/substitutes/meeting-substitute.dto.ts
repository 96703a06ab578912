import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class CallInSubstituteDto {
  @ApiProperty({ format: 'uuid', description: 'The member with a vote who sent afbud' })
  @IsUUID()
  forPersonId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'One of the seat’s free substitutes; left out: the first free one of the list (the offer)' })
  @IsOptional()
  @IsUUID()
  substitutePersonId?: string;
}

export class SubstitutePersonDto {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ example: 'Anders Andersen' }) name: string;
}

export class SubstituteCandidateDto extends SubstitutePersonDto {
  @ApiProperty({ description: 'Not called in for this meeting already, not absent from it, and not seated in the committee that day' }) free: boolean;
}

export class MeetingSubstituteDto {
  @ApiProperty({ type: SubstitutePersonDto, description: 'The member with a vote who sent afbud' }) member: SubstitutePersonDto;
  @ApiProperty({ type: SubstitutePersonDto, nullable: true, description: 'The substitute called in for the member, once called in' }) calledIn: SubstitutePersonDto | null;
  @ApiProperty({ type: SubstitutePersonDto, nullable: true, description: 'The next free substitute of the seat’s list while none is called in; null when none is free' })
  offer: SubstitutePersonDto | null;
  @ApiProperty({ type: [SubstituteCandidateDto], description: 'The seat’s substitutes in list order' }) substitutes: SubstituteCandidateDto[];
}
