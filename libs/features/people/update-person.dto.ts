import { PartialType } from '@nestjs/swagger';
import { CreatePersonDto } from './create-person.dto.js';

/** Any field of a person; a password given to someone without a login gives them one (and a welcome e-mail). */
export class UpdatePersonDto extends PartialType(CreatePersonDto, { skipNullProperties: false }) {}
