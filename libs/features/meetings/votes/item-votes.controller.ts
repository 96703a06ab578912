import { Body, Controller, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@app/access';
import { type Actor, ApiRefusals, UuidParam } from '@app/core';
import { ItemVotesDto, ReplaceItemVotesDto } from './item-vote.dto.js';
import { ItemVoteService } from './item-vote.service.js';

@ApiTags('agenda items')
@ApiBearerAuth()
@Controller('items/:id/votes')
export class ItemVotesController {
  constructor(private readonly votes: ItemVoteService) {}

  @Put()
  @ApiOperation({
    summary: 'Record the vote on an item (afstemning): how each member voted, replacing the item’s votes (secretary)',
    description:
      'While the meeting is held and the item’s outcome may change; each voter took part in the meeting and is neither the secretary nor the administration. The minutes write it under Beslutning ("For stemte: A (V). Imod stemte: B (O).") with the result.',
  })
  @ApiOkResponse({ type: ItemVotesDto })
  @ApiRefusals({
    400: 'a member is named twice, an unknown vote',
    403: 'not the committee’s secretary',
    404: 'no item has the id',
    409: 'the meeting is not held; the item’s outcome is settled; its minutes are sealed (`meeting_record_sealed`)',
    422: 'a member disqualified on the item (`voter_disqualified`), or who did not take part with a vote (`not_a_voter`), is named',
  })
  replace(@CurrentActor() actor: Actor, @UuidParam('id') itemId: string, @Body() dto: ReplaceItemVotesDto): Promise<ItemVotesDto> {
    return this.votes.replace(actor, itemId, dto);
  }
}
