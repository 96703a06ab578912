import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { TrimToNull } from '@app/core';
import { ItemNoteDto } from '../agenda/agenda-item.dto.js';
import { ITEM_NOTE_KINDS, type ItemNoteKind } from './item-note.entity.js';

export class RecordItemNoteDto {
  @ApiProperty({ format: 'uuid', description: 'The member the note is about' })
  @IsUUID()
  personId: string;

  @ApiProperty({ enum: ITEM_NOTE_KINDS, description: 'dissent: afvigende mening (§ 13); disqualification: inhabilitet (§ 14), the member left the room' })
  @IsIn(ITEM_NOTE_KINDS)
  kind: ItemNoteKind;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'The dissent as the member wants it in the minutes, or why the member was disqualified', example: 'Anders Andersen (V) ønskede sin afvigende mening ført til protokols.' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(5_000)
  text?: string | null;
}

export class RecordedItemNoteDto extends ItemNoteDto {
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty({ enum: ITEM_NOTE_KINDS }) kind: ItemNoteKind;
  @ApiProperty() createdAt: Date;
}
