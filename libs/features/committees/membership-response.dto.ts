import { ApiProperty } from '@nestjs/swagger';
import { MEMBERSHIP_ROLES, type MembershipRole } from '@app/domain';
import { type Person, PersonSummaryDto } from '@app/people';
import { type Membership } from './membership.entity.js';

export class MembershipResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  committeeId: string;

  @ApiProperty({ type: PersonSummaryDto })
  person: PersonSummaryDto;

  @ApiProperty({ enum: MEMBERSHIP_ROLES, example: 'chair' })
  role: MembershipRole;

  @ApiProperty({ format: 'date', example: '2024-01-01' })
  startDate: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: null, description: "null: open, lasting as long as the committee's mandate" })
  endDate: string | null;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty({ type: [PersonSummaryDto], description: 'The seat’s substitutes (stedfortrædere) in the order they are called in' })
  substitutes: PersonSummaryDto[];

  /** `membership` must have been loaded with its person; `substitutes` in list order. */
  static from(membership: Membership & { person: NonNullable<Membership['person']> }, substitutes: readonly Person[]): MembershipResponseDto {
    const { id, committeeId, role, startDate, endDate, createdAt } = membership;
    return { id, committeeId, person: PersonSummaryDto.from(membership.person), role, startDate, endDate, createdAt, substitutes: substitutes.map((person) => PersonSummaryDto.from(person)) };
  }
}
