import { PartialType } from '@nestjs/swagger';
import { CreateBodyDto } from './create-body.dto.js';

export class UpdateBodyDto extends PartialType(CreateBodyDto, { skipNullProperties: false }) {}
