import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsOmittable } from '@app/core';
import { MINUTES_SIGNERS, type MinutesSigners } from '@app/domain';
import { CreateCommitteeDto } from './create-committee.dto.js';

/** Any field but the body: a committee stays with the council that set it up. */
export class UpdateCommitteeDto extends PartialType(OmitType(CreateCommitteeDto, ['bodyId']), { skipNullProperties: false }) {
  @ApiPropertyOptional({
    enum: MINUTES_SIGNERS,
    default: 'participants',
    description: 'Who signs the minutes: every member who took part (Kommunestyrelsesloven § 13), or only the chair and the secretary',
  })
  @IsOmittable()
  @IsIn(MINUTES_SIGNERS)
  minutesSignedBy?: MinutesSigners;
}
