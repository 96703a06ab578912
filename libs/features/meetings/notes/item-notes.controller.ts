import { Body, Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@app/access';
import { type Actor, ApiRefusals, UuidParam } from '@app/core';
import { RecordedItemNoteDto, RecordItemNoteDto } from './item-note.dto.js';
import { ItemNoteService } from './item-note.service.js';

@ApiTags('agenda items')
@ApiBearerAuth()
@Controller('items/:id/notes')
export class ItemNotesController {
  constructor(private readonly notes: ItemNoteService) {}

  @Post()
  @ApiOperation({
    summary: 'Record a dissent (afvigende mening, § 13) or a disqualification (inhabilitet, § 14) on an item (secretary)',
    description: 'Once the meeting is held and until it is closed; the person must hold a member’s seat in the committee on the meeting’s day; one of each kind per person and item. Shown in the item’s `dissents` and `disqualifications`.',
  })
  @ApiCreatedResponse({ type: RecordedItemNoteDto })
  @ApiRefusals({
    400: 'the person held no member’s seat in the committee on the meeting’s day',
    403: 'not the committee’s secretary',
    404: 'no item or person has the id',
    409: 'the meeting is not held (yet, or any more); its minutes are sealed (`meeting_record_sealed`: add an addendum instead); the person already has a note of that kind on the item',
  })
  record(@CurrentActor() actor: Actor, @UuidParam('id') itemId: string, @Body() dto: RecordItemNoteDto): Promise<RecordedItemNoteDto> {
    return this.notes.record(actor, itemId, dto);
  }

  @Delete(':noteId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a dissent or disqualification recorded by mistake (secretary)', description: 'While the meeting is held.' })
  @ApiNoContentResponse()
  @ApiRefusals({ 403: 'not the committee’s secretary', 404: 'no item has the id, or the note is not on it', 409: 'the meeting is not held, or its minutes are sealed' })
  remove(@CurrentActor() actor: Actor, @UuidParam('id') itemId: string, @UuidParam('noteId') noteId: string): Promise<void> {
    return this.notes.remove(actor, itemId, noteId);
  }
}
