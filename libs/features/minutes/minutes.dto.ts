import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { MINUTES_STATES, MINUTES_VARIANTS, type MinutesVariant } from '@app/domain';
import { Trim } from '@app/core';
import { MINUTES_EDITIONS, MINUTES_FORMATS, type MinutesEdition } from './minutes-file.entity.js';

/** What GET answers as `state`: the assembly's progress while a draft, the workflow state after. */
export const MINUTES_STATUS = ['pending', 'ready', 'failed', 'approved', 'signed', 'published'] as const;
export type MinutesStatus = (typeof MINUTES_STATUS)[number];

export class MinutesFileDto {
  @ApiProperty({ enum: MINUTES_VARIANTS, description: 'members: closed items in full; public: closed items show only number and "Lukket punkt: <public title>"' })
  variant: string;
  @ApiProperty({ enum: MINUTES_FORMATS }) format: string;
  @ApiProperty({
    enum: MINUTES_EDITIONS,
    description: 'assembled: as approved and signed (the members’ PDF is what the seal covers); signed: the same ending with Underskrifter, made by the last signature',
  })
  edition: string;
  @ApiProperty({ example: '/api/meetings/6f1c.../minutes.pdf' }) url: string;
  @ApiProperty({ description: 'sha256 of the bytes, hex' }) sha256: string;
  @ApiProperty() size: number;
}

export class SignatoryDto {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ example: 'Birgit Jakobsen' }) name: string;
  @ApiProperty({ type: Date, nullable: true, description: 'null until signed' }) signedAt: Date | null;
}

export class MinutesSignaturesDto {
  @ApiProperty({ example: 4, description: 'how many must sign: who took part, or chair and secretary where the committee is set so' }) needed: number;
  @ApiProperty({ example: 1 }) given: number;
  @ApiProperty({ type: [SignatoryDto] }) signatories: SignatoryDto[];
}

export class MinutesSealDto {
  @ApiProperty({ description: 'sha256 of the members’ PDF at the last signature (the assembled edition; the signed edition names it on its Underskrifter page)' }) hash: string;
  @ApiProperty() sealedAt: Date;
  @ApiProperty({ description: 'the stored PDF still has the sealed hash, and every addendum’s hash and link hold' }) verified: boolean;
}

export class MinutesAddendumDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() text: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ description: 'sha256 over previousHash, createdAt (ISO 8601) and text, one per line' }) sha256: string;
  @ApiProperty({ description: 'the seal for the first addendum, else the addendum before' }) previousHash: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the item it concerns; null: the whole referat' }) itemId: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 2, description: 'Punkt N' }) itemNumber: number | null;
  @ApiProperty({ description: 'shown in the public version: on the whole referat or an open item, never on a closed one' }) public: boolean;
  @ApiProperty({ description: 'the addendum as its own PDF ("Tillæg til referatet"), beside the sealed PDF', example: '/api/meetings/6f1c.../minutes/addenda/1a2b.../tillaeg.pdf' })
  url: string;
}

export class MinutesDto {
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({
    enum: MINUTES_STATUS,
    description: 'pending: being assembled; ready: a draft to approve; failed: assembly gave up (see error); then approved, signed (sealed), published',
  })
  state: MinutesStatus;
  @ApiProperty({ enum: MINUTES_STATES, description: 'the state in the minutes workflow (GET /api/workflows/minutes)' }) workflowState: string;
  @ApiProperty() rowVersion: number;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'how far the assembly has come, in percent' }) progress: number;
  @ApiProperty({ type: String, nullable: true, description: 'why the last assembly failed' }) error: string | null;
  @ApiProperty({ type: [MinutesFileDto], description: 'empty until the first assembly is done' }) documents: MinutesFileDto[];
  @ApiProperty({ type: MinutesSignaturesDto }) signatures: MinutesSignaturesDto;
  @ApiProperty({ type: MinutesSealDto, nullable: true }) seal: MinutesSealDto | null;
  @ApiProperty({ type: [MinutesAddendumDto], description: 'tilføjelser after sealing, oldest first' }) addenda: MinutesAddendumDto[];
  @ApiProperty({ type: Date, nullable: true }) publishedAt: Date | null;
}

export class MinutesDocumentQueryDto {
  @ApiPropertyOptional({ enum: MINUTES_VARIANTS, default: 'members', description: 'public: the version the public will see once published' })
  @IsOptional()
  @IsIn(MINUTES_VARIANTS)
  variant?: MinutesVariant;

  @ApiPropertyOptional({
    enum: MINUTES_EDITIONS,
    description: 'signed (the default once sealed): ending with Underskrifter; assembled: the documents as signed, the members’ PDF the one whose sha256 is the seal',
  })
  @IsOptional()
  @IsIn(MINUTES_EDITIONS)
  edition?: MinutesEdition;
}

export class CreateMinutesAddendumDto {
  @ApiProperty({ description: 'Tilføjelse: appended, dated, to sealed minutes', example: 'Punkt 3: beslutningen rettes, så beløbet er 250.000 kr.' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  text: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'the item the addendum concerns; left out for the whole referat. One on a closed item is for the members only' })
  @IsOptional()
  @IsUUID()
  itemId?: string | null;
}
