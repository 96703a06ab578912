import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class WorkflowEventDto {
  @ApiProperty({ example: 'approve' }) event: string;
  @ApiProperty({ example: ['submitted'] }) from: string[];
  @ApiProperty({ example: 'approved' }) to: string;
  @ApiProperty({ example: ['director'], description: 'admin may fire every event a person may; system events happen by themselves' }) roles: string[];
  @ApiProperty() requiresComment: boolean;
  @ApiProperty({ description: 'conditions beyond state and role', example: ['no other phase is active'] }) conditions: string[];
  @ApiProperty({ example: ['supersede-previous-version'] }) effects: string[];
  @ApiProperty() description: string;
}

export class WorkflowDescriptionDto {
  @ApiProperty({ example: 'commission' }) name: string;
  @ApiProperty({ example: 'Kommissorium' }) title: string;
  @ApiProperty({ example: 'draft' }) initial: string;
  @ApiProperty({ example: ['draft', 'submitted', 'approved', 'superseded'] }) states: string[];
  @ApiProperty({ example: ['superseded'] }) final: string[];
  @ApiProperty({ type: [WorkflowEventDto] }) events: WorkflowEventDto[];
  @ApiProperty({ description: 'Mermaid stateDiagram-v2 text', example: 'stateDiagram-v2\n    [*] --> draft' }) mermaid: string;
}

export class TransitionHistoryDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'approve' }) event: string;
  @ApiProperty({ example: 'submitted' }) fromState: string;
  @ApiProperty({ example: 'approved' }) toState: string;
  @ApiProperty({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
  @ApiProperty() at: Date;
}

export class AvailableEventDto {
  @ApiProperty({ example: 'submit' }) event: string;
  @ApiProperty() description: string;
  @ApiProperty() requiresComment: boolean;
}

export class FireEventDto {
  @ApiProperty({ example: 'submit' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  event: string;

  @ApiProperty({ required: false, example: 'Afsnittet om økonomi mangler' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;
}
