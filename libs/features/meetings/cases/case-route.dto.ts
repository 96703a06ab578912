import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * One committee's treatment of the case. Those who may read the committee's meetings see it in full; anyone else
 * logged in sees it only while it is an open item on a published agenda, and then only where it is and its title.
 */
export class CaseRouteStepDto {
  @ApiProperty({ format: 'uuid', description: 'The agenda item' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The item on the earlier committee’s meeting that sent the case here' })
  referredFromItemId: string | null;
  @ApiProperty({ format: 'uuid' }) committeeId: string;
  @ApiProperty({ example: 'PKØ-udvalget' }) committeeName: string;
  @ApiProperty({ example: '2024-02-02', description: 'The meeting’s day in Copenhagen' }) meetingDate: string;
  @ApiProperty({ example: 3, description: 'Punkt N' }) number: number;
  @ApiProperty({ enum: ['draft', 'ready', 'on-agenda', 'decided', 'postponed', 'referred'] }) state: string;
  @ApiProperty() closed: boolean;
  @ApiProperty({ description: 'Whether you may read this committee’s meetings; the fields below are sent only then (the title also for an open item on a published agenda, the only items of other committees shown)' })
  readable: boolean;
  @ApiPropertyOptional({ example: 'Nytænkning af socialområdet' }) title?: string;
  @ApiPropertyOptional({ format: 'uuid' }) meetingId?: string;
  @ApiPropertyOptional() meetingStartsAt?: Date;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Resume' }) summary?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Indstilling' }) recommendation?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Beslutning: for a committee you may read, and of another committee once the minutes of its meeting are published' })
  decision?: string | null;
}

export class CaseRouteDto {
  @ApiProperty({ example: '00.01.00-P22-1-19' }) caseNumber: string;
  @ApiProperty({ type: [CaseRouteStepDto], description: 'A page of the route, in meeting order' }) items: CaseRouteStepDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' }) nextCursor: string | null;
}
