import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsUUID, ValidateNested } from 'class-validator';
import { VOTE_CHOICES, type VoteChoice } from '@app/domain';
import { ItemVoteDto } from '../agenda/agenda-item.dto.js';

export class ItemVoteInputDto {
  @ApiProperty({ format: 'uuid', description: 'The member who voted' })
  @IsUUID()
  personId: string;

  @ApiProperty({ enum: VOTE_CHOICES, description: 'for; against: imod; abstain: undlod at stemme' })
  @IsIn(VOTE_CHOICES)
  vote: VoteChoice;
}

export class ReplaceItemVotesDto {
  @ApiProperty({ type: [ItemVoteInputDto], description: 'Every vote on the item, one per member; an empty list removes the vote' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ItemVoteInputDto)
  votes: ItemVoteInputDto[];
}

export class ItemVotesDto {
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty({ type: [ItemVoteDto] }) votes: ItemVoteDto[];
  @ApiProperty({ enum: ['adopted', 'rejected'], nullable: true, description: 'vedtaget when more voted for than against, else forkastet; null without votes' })
  result: 'adopted' | 'rejected' | null;
}
