import { ApiProperty } from '@nestjs/swagger';
import { MEMBERSHIP_ROLES, type MembershipRole } from '@app/domain';
import { PersonSummaryDto } from '@app/people';

export const PARTICIPANT_SOURCES = ['committee', 'invited'] as const;
export type ParticipantSource = (typeof PARTICIPANT_SOURCES)[number];

/** Someone taking part in a phase: a member of the committee (every phase), or a person invited to this phase. */
export class ParticipantResponseDto {
  @ApiProperty({ type: PersonSummaryDto })
  person: PersonSummaryDto;

  @ApiProperty({ enum: PARTICIPANT_SOURCES, description: 'committee: seated in the committee during the phase; invited: invited to this phase only' })
  source: ParticipantSource;

  @ApiProperty({ enum: MEMBERSHIP_ROLES, isArray: true, example: ['member'], description: 'The seats the person holds in the committee during the phase; empty for an invited person' })
  roles: MembershipRole[];

  @ApiProperty({ type: String, nullable: true, example: 'Repræsentant for lokalrådene', description: 'Why the person is invited' })
  note: string | null;

  @ApiProperty({ type: Date, nullable: true, description: 'When the person was invited to the phase' })
  invitedAt: Date | null;
}
