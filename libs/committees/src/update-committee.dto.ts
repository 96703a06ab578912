import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateCommitteeDto } from './create-committee.dto.js';

/** Any field but the body: a committee stays with the council that set it up. */
export class UpdateCommitteeDto extends PartialType(OmitType(CreateCommitteeDto, ['bodyId']), { skipNullProperties: false }) {}
