import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { AGENDA_ITEM_STATES, CLOSED_REASONS, type ClosedReason, DECISION_OUTCOMES, type DecisionOutcome, RECURRING_ITEMS, VOTE_CHOICES, type VoteChoice } from '@app/domain';
import { NoControlCharacters } from '@app/core';
import { NoticeWarningDto } from '../meeting/notice-warning.dto.js';

/** Bilag named before their files are uploaded: at most 50, each one line of 1 to 300 characters. */
function AttachmentNames(): PropertyDecorator {
  return applyDecorators(IsOptional(), IsArray(), ArrayMaxSize(50), IsString({ each: true }), MinLength(1, { each: true }), MaxLength(300, { each: true }), NoControlCharacters({ each: true }));
}

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const LOCAL_TIME_MESSAGE = '$property must be a local time HH:MM, e.g. 09:30';

export class CreateAgendaItemDto {
  @ApiProperty({ example: 'Status på partnerskaber med civilsamfundet', maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @NoControlCharacters()
  title: string;

  @ApiPropertyOptional({ description: 'Sagsnummer', example: '00.01.00-P22-1-19', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @NoControlCharacters()
  caseNumber?: string;

  @ApiPropertyOptional({ description: 'Local time HH:MM', example: '09:30' })
  @IsOptional()
  @Matches(LOCAL_TIME, { message: LOCAL_TIME_MESSAGE })
  startTime?: string;

  @ApiPropertyOptional({ description: 'Local time HH:MM', example: '10:30' })
  @IsOptional()
  @Matches(LOCAL_TIME, { message: LOCAL_TIME_MESSAGE })
  endTime?: string;

  @ApiPropertyOptional({ description: 'Lukket punkt: never published (Kommunestyrelsesloven § 10)', default: false })
  @IsOptional()
  @IsBoolean()
  closed?: boolean;

  @ApiPropertyOptional({
    description: 'Why the item is closed (§ 10), required for a closed item: personsag, køb eller salg af fast ejendom, overslag og licitationer, forhandlinger med andre myndigheder, or andet (with closedReasonText)',
    enum: CLOSED_REASONS,
    example: 'personal-matter',
  })
  @IsOptional()
  @IsIn(CLOSED_REASONS)
  closedReason?: ClosedReason;

  @ApiPropertyOptional({ description: 'Uddybning: the reason in words, required for `other` (andet); members only', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @NoControlCharacters()
  closedReasonText?: string;

  @ApiPropertyOptional({
    description: 'Offentlig titel: what the public, e-mails and public documents show beside "Lukket punkt". Left out, the reason’s proposed title is used (Personalesag, Køb af ejendom, Overslag og licitation, Forhandlinger med andre myndigheder); `other` needs one',
    example: 'Personalesag',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @NoControlCharacters()
  publicTitle?: string;

  @ApiPropertyOptional({ description: 'Resume', maxLength: 20_000 })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  summary?: string;

  @ApiPropertyOptional({ description: 'Indstilling', example: 'Direktionen indstiller, at udvalget drøfter status.', maxLength: 20_000 })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  recommendation?: string;

  @ApiPropertyOptional({ description: 'Sagsfremstilling', maxLength: 100_000 })
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  presentation?: string;

  @ApiPropertyOptional({ description: 'Bilag by name, before the files are uploaded', example: ['Præsentation fra mødet.pdf'], maxItems: 50, items: { type: 'string', maxLength: 300 } })
  @AttachmentNames()
  attachmentNames?: string[];
}

export class UpdateAgendaItemDto {
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MinLength(1) @MaxLength(500) @NoControlCharacters() title?: string;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) @NoControlCharacters() caseNumber?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Matches(LOCAL_TIME, { message: LOCAL_TIME_MESSAGE }) startTime?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Matches(LOCAL_TIME, { message: LOCAL_TIME_MESSAGE }) endTime?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() closed?: boolean;
  @ApiPropertyOptional({ nullable: true, enum: CLOSED_REASONS, description: 'Required while the item is closed' }) @IsOptional() @IsIn(CLOSED_REASONS) closedReason?: ClosedReason | null;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 500, description: 'Uddybning; required for `other`' }) @IsOptional() @IsString() @MaxLength(500) @NoControlCharacters() closedReasonText?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200, description: 'Offentlig titel; the reason’s proposed title when left empty' }) @IsOptional() @IsString() @MaxLength(200) @NoControlCharacters() publicTitle?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 20_000 }) @IsOptional() @IsString() @MaxLength(20_000) summary?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 20_000 }) @IsOptional() @IsString() @MaxLength(20_000) recommendation?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 100_000 }) @IsOptional() @IsString() @MaxLength(100_000) presentation?: string | null;
  @ApiPropertyOptional({ description: 'Beslutning: written once the meeting is held', nullable: true, type: String, maxLength: 20_000 })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  decision?: string | null;
  @ApiPropertyOptional({
    enum: DECISION_OUTCOMES,
    nullable: true,
    description: 'How the decision on an item another record proposed came out (a kommissorium for the council): approved (Godkendt) or not-approved (Ikke godkendt); written with the Beslutning, before decide',
  })
  @IsOptional()
  @IsIn(DECISION_OUTCOMES)
  decisionOutcome?: DecisionOutcome | null;
  @ApiPropertyOptional({ type: [String], maxItems: 50, items: { type: 'string', maxLength: 300 } })
  @AttachmentNames()
  attachmentNames?: string[];
  @ApiPropertyOptional({ description: 'Move the item to this place on the agenda (1 = first); the others are renumbered', example: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  position?: number;
  @ApiPropertyOptional({ description: 'The rowVersion you edited; a stale one is refused with 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  rowVersion?: number;
}

export class AddRecurringItemsDto {
  @ApiProperty({
    description: 'Which recurring items to add at the end of the agenda, in this order',
    enum: Object.keys(RECURRING_ITEMS),
    isArray: true,
    example: ['mutual-information', 'attendance', 'any-other-business'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(Object.keys(RECURRING_ITEMS).length)
  @IsIn(Object.keys(RECURRING_ITEMS), { each: true })
  kinds: (keyof typeof RECURRING_ITEMS)[];
}

export class AttachmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Præsentation fra mødet.pdf' }) name: string;
  @ApiProperty({ example: 'application/pdf' }) contentType: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true, description: 'uploaded to the published agenda after the material’s notice deadline: shown "Eftersendt"' }) sentLateAt: Date | null;
}

/** A Bilag as uploading it answers: with the notice deadline it misses, if any. */
export class AttachmentChangeDto extends AttachmentDto {
  @ApiProperty({ type: [NoticeWarningDto], description: '`material_notice_not_met` when the Bilag reached the published agenda late' }) warnings: NoticeWarningDto[];
}

export class ItemNoteDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ example: 'Anders Hansen' }) personName: string;
  @ApiProperty({ type: String, nullable: true }) text: string | null;
}

/** An earlier committee's decision on the case a referred item continues. */
export class EarlierDecisionDto {
  @ApiProperty({ format: 'uuid', description: 'The earlier item' }) itemId: string;
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ example: '§ 17, stk. 4-udvalget' }) committeeName: string;
  @ApiProperty() meetingStartsAt: Date;
  @ApiProperty({ example: 'Udvalget anbefaler modellen over for PKØ-udvalget.' }) decision: string;
  @ApiProperty({ description: 'The earlier item was closed' }) closed: boolean;
  @ApiProperty({ description: 'The earlier meeting’s minutes are published' }) minutesPublic: boolean;
}

export class ItemVoteDto {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ example: 'Anders Hansen' }) personName: string;
  @ApiProperty({ type: String, nullable: true, example: 'V' }) party: string | null;
  @ApiProperty({ enum: VOTE_CHOICES, description: 'for; against: imod; abstain: undlod at stemme' }) vote: VoteChoice;
}

export class QuorumDto {
  @ApiProperty({ example: 7, description: 'Members with a vote on the meeting’s day (chair, vice-chair, members, external members); never the secretary or the administration' }) seats: number;
  @ApiProperty({ example: 4, description: 'Taking part in the item: present or virtual, substitutes in place of the absent member, without the disqualified' }) present: number;
  @ApiProperty({ example: 0, description: 'Taking part in the meeting, but disqualified (inhabil) on the item' }) disqualified: number;
  @ApiProperty({ example: 4, description: 'Half of the seats, rounded up' }) required: number;
  @ApiProperty({ description: 'Beslutningsdygtigt (Kommunestyrelsesloven § 11): present × 2 ≥ seats' }) met: boolean;
}

export class AgendaItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ example: 1, description: 'Punkt N' }) number: number;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) caseNumber: string | null;
  @ApiProperty({ type: String, nullable: true, example: '09:30' }) startTime: string | null;
  @ApiProperty({ type: String, nullable: true, example: '10:30' }) endTime: string | null;
  @ApiProperty() closed: boolean;
  @ApiProperty({ nullable: true, enum: CLOSED_REASONS }) closedReason: ClosedReason | null;
  @ApiProperty({ type: String, nullable: true, description: 'Uddybning' }) closedReasonText: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Offentlig titel of a closed item' }) publicTitle: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Resume' }) summary: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Indstilling' }) recommendation: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Sagsfremstilling' }) presentation: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Beslutning' }) decision: string | null;
  @ApiProperty({ type: [String] }) attachmentNames: string[];
  @ApiProperty({ type: [AttachmentDto], description: 'Bilag' }) attachments: AttachmentDto[];
  @ApiProperty({ type: [ItemNoteDto], description: 'Afvigende meninger (§ 13)' }) dissents: ItemNoteDto[];
  @ApiProperty({ type: [ItemNoteDto], description: 'Inhabilitet (§ 14): left the room for the item' }) disqualifications: ItemNoteDto[];
  @ApiProperty({ type: [ItemVoteDto], description: 'Afstemning: how each member voted, empty when no vote was recorded' }) votes: ItemVoteDto[];
  @ApiProperty({ enum: AGENDA_ITEM_STATES, description: 'withdrawn: "Punktet udgår", shown with its number and title only' }) state: string;
  @ApiProperty() rowVersion: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The item on an earlier committee’s meeting that sent this case here' })
  referredFromItemId: string | null;
  @ApiProperty({ type: [EarlierDecisionDto], description: 'The decisions of the committees the case came through, oldest first ("Beslutning i ... den ...")' })
  earlierDecisions: EarlierDecisionDto[];
  @ApiProperty({ type: String, nullable: true, description: 'The committee the case is referred on to, while that referral is proposed or accepted ("Oversendt til ...")', example: 'PKØ-udvalget' })
  referredToCommitteeName: string | null;
  @ApiProperty({ type: Date, nullable: true, description: 'added to the published agenda after the material’s notice deadline: shown "Eftersendt"' }) sentLateAt: Date | null;
  @ApiProperty({ type: String, nullable: true, example: 'commission', description: 'The kind of record that proposed the item and follows its decision (commission: a kommissorium for the council)' })
  originKind: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'That record: for commission, the kommissorium version' }) originId: string | null;
  @ApiProperty({ enum: DECISION_OUTCOMES, nullable: true, description: 'Godkendt or Ikke godkendt, for a proposed item' }) decisionOutcome: DecisionOutcome | null;
  @ApiPropertyOptional({ type: QuorumDto, description: 'Whether the committee can decide the item now; on the meeting read and the item read' })
  quorum?: QuorumDto;
}

/** An item as adding it answers: with the notice deadline it misses, if any. */
export class AgendaItemChangeDto extends AgendaItemDto {
  @ApiProperty({ type: [NoticeWarningDto], description: '`material_notice_not_met` when the item reached the published agenda late' }) warnings: NoticeWarningDto[];
}
