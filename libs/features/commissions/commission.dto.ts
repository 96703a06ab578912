import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { NoControlCharacters } from '@app/core';
import { COMMISSION_STATES } from '@app/domain';
import { ArrayMaxSize, IsArray, IsDateString, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';

export class CreateCommissionDto {
  @ApiProperty({ example: 'Kommissorium for § 17, stk. 4-udvalget for nytænkning af socialområdet' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  @NoControlCharacters()
  title: string;

  @ApiProperty({ description: 'Formål', example: 'Udvalget skal komme med anbefalinger til, hvordan socialområdet kan nytænkes.' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  purpose: string;

  @ApiPropertyOptional({ description: 'Baggrund' })
  @IsOptional()
  @IsString()
  @MaxLength(50_000)
  background?: string;

  @ApiPropertyOptional({ description: 'Temaer', example: ['Forpligtende fællesskaber – partnerskaber og inddragelse af civilsamfundet', 'Et sammenhængende socialområde'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(500, { each: true })
  themes?: string[];

  @ApiPropertyOptional({ description: 'Sammensætning', example: 'Formand Birgit Jakobsen (KD) og ét medlem fra hvert af de fire stående udvalg' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  composition?: string;

  @ApiPropertyOptional({ description: 'Leverancer', example: 'Anbefalinger til byrådet via PKØ-udvalget i 4. kvartal 2025' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  deliverables?: string;

  @ApiPropertyOptional({ description: 'The date by which the directors are asked to decide (YYYY-MM-DD)', example: '2024-03-15' })
  @IsOptional()
  @IsDateString({ strict: true, strictSeparator: true })
  approvalDeadline?: string;
}

export class UpdateCommissionDto extends PartialType(CreateCommissionDto) {
  @ApiPropertyOptional({ description: 'The rowVersion you edited; a stale one is refused with 409 so no edit is lost' })
  @IsOptional()
  @IsInt()
  @Min(1)
  rowVersion?: number;
}

export class CommissionStepDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) by: string | null;
  @ApiProperty() at: Date;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
}

export class AwaitingApprovalDto {
  @ApiProperty({ example: 'director' }) by: 'director';
  @ApiProperty() since: Date;
  @ApiProperty({ type: String, nullable: true, example: '2024-03-15' }) deadline: string | null;
}

export class CommissionCouncilDto {
  @ApiProperty({ format: 'uuid', description: 'the council, or the finance committee on the reporting line, whose meeting decides the kommissorium' }) committeeId: string;
  @ApiProperty({ example: 'Byrådet' }) committeeName: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the item on its meeting; null while no meeting is planned' }) itemId: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Punkt N' }) itemNumber: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) meetingId: string | null;
  @ApiProperty({ type: Date, nullable: true }) meetingStartsAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) meetingTitle: string | null;
}

export class CommissionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) committeeId: string;
  @ApiProperty({ description: 'Kommissorium version: 1, then one more per amendment', example: 1 }) version: number;
  @ApiProperty({
    enum: COMMISSION_STATES,
    description: 'approved: in force on a director’s approval; awaiting-council: approved by a director, awaiting the council’s decision; adopted: in force by the council’s decision',
  })
  state: string;
  @ApiProperty({ description: 'The version in force: approved (where the director decides) or adopted (where the council does)' }) inForce: boolean;
  @ApiProperty({ description: 'Raised by every change; send it back with PATCH to detect concurrent edits' }) rowVersion: number;
  @ApiProperty() title: string;
  @ApiProperty() purpose: string;
  @ApiProperty({ type: String, nullable: true }) background: string | null;
  @ApiProperty({ type: [String] }) themes: string[];
  @ApiProperty({ type: String, nullable: true }) composition: string | null;
  @ApiProperty({ type: String, nullable: true }) deliverables: string | null;
  @ApiProperty({ type: String, nullable: true }) approvalDeadline: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The version this one amends' }) previousVersionId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The open amendment of this version' }) amendmentId: string | null;
  @ApiProperty({ type: AwaitingApprovalDto, nullable: true }) awaitingApproval: AwaitingApprovalDto | null;
  @ApiProperty({ type: CommissionStepDto, nullable: true }) submitted: CommissionStepDto | null;
  @ApiProperty({ type: CommissionStepDto, nullable: true, description: 'The last return, with the director’s reason' }) returned: CommissionStepDto | null;
  @ApiProperty({ type: CommissionStepDto, nullable: true, description: 'The director’s approval' }) approved: CommissionStepDto | null;
  @ApiProperty({ type: CommissionCouncilDto, nullable: true, description: 'Where the council decides the version (its committee, meeting and item); null where the director decides' })
  council: CommissionCouncilDto | null;
  @ApiProperty({ type: CommissionStepDto, nullable: true, description: 'The council’s adoption, with the meeting and the Beslutning as its comment' }) adopted: CommissionStepDto | null;
  @ApiProperty({ type: CommissionStepDto, nullable: true, description: 'The last time the council sent it back (Ikke godkendt), with the Beslutning' }) notAdopted: CommissionStepDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdBy: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}
