import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { type AgendaItemReferral, REFERRAL_STATES, type ReferralState } from './agenda-item-referral.entity.js';

export class DeclineReferralDto {
  @ApiProperty({ example: 'Sagen hører under Teknik- og Miljøudvalget.', maxLength: 2000, description: 'why the committee does not take the case; the referring secretary sees it' })
  @IsString()
  @Matches(/\S/, { message: 'reason must say why the referral is declined' })
  @MaxLength(2000)
  reason: string;
}

export class ProposeReferralDto {
  @ApiProperty({ format: 'uuid', description: 'the planned or published meeting of a committee the case may go to' })
  @IsUUID()
  toMeetingId: string;
}

/** A referred case as the receiving secretary decides on it, and as the referring committee follows it. */
export class AgendaItemReferralDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REFERRAL_STATES, description: '`proposed` until the receiving secretary accepts it onto the agenda or declines it' }) state: ReferralState;
  @ApiProperty({ format: 'uuid', description: 'the referring committee’s item' }) itemId: string;
  @ApiProperty({ format: 'uuid' }) fromMeetingId: string;
  @ApiProperty({ format: 'uuid' }) fromCommitteeId: string;
  @ApiProperty({ example: 'Udvalg for nytænkning af socialområdet' }) fromCommitteeName: string;
  @ApiProperty({ description: 'when the referring meeting began' }) fromMeetingStartsAt: Date;
  @ApiProperty({ type: String, nullable: true, description: 'the referring meeting’s title' }) fromMeetingTitle: string | null;
  @ApiProperty({ format: 'uuid' }) toMeetingId: string;
  @ApiProperty({ format: 'uuid' }) toCommitteeId: string;
  @ApiProperty({ example: 'Nytænkning af socialområdet' }) title: string;
  @ApiProperty({ type: String, nullable: true, example: '00.01.00-P22-1-19' }) caseNumber: string | null;
  @ApiProperty() closed: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Resume' }) summary: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Sagsfremstilling' }) presentation: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the referring committee’s Beslutning' }) fromDecision: string | null;
  @ApiProperty({ type: [String], description: 'Bilag, by name; their files go along on acceptance' }) attachmentNames: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) proposedBy: string | null;
  @ApiProperty() proposedAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decidedBy: string | null;
  @ApiProperty({ type: Date, nullable: true }) decidedAt: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'why it was declined' }) declineReason: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the item acceptance put on the agenda' }) acceptedItemId: string | null;

  /** `referral` with its item, the item's meeting and committee, and the receiving meeting loaded. */
  static from(referral: AgendaItemReferral): AgendaItemReferralDto {
    const item = referral.item!;
    return {
      id: referral.id,
      state: referral.state,
      itemId: referral.itemId,
      fromMeetingId: item.meetingId,
      fromCommitteeId: item.meeting!.committeeId,
      fromCommitteeName: item.meeting!.committee!.name,
      fromMeetingStartsAt: item.meeting!.startsAt,
      fromMeetingTitle: item.meeting!.title,
      toMeetingId: referral.toMeetingId,
      toCommitteeId: referral.toMeeting!.committeeId,
      title: item.title,
      caseNumber: item.caseNumber,
      closed: item.closed,
      summary: item.summary,
      presentation: item.presentation,
      fromDecision: item.decision,
      attachmentNames: item.attachmentNames,
      proposedBy: referral.proposedBy,
      proposedAt: referral.proposedAt,
      decidedBy: referral.decidedBy,
      decidedAt: referral.decidedAt,
      declineReason: referral.declineReason,
      acceptedItemId: referral.acceptedItemId,
    };
  }
}
