import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { MEMBERSHIP_ROLES, type MembershipRole } from '@app/domain';
import { IsCalendarDate, IsOmittable } from '@app/core';

export class CreateMembershipDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personId: string;

  @ApiProperty({
    enum: MEMBERSHIP_ROLES,
    example: 'chair',
    description: 'chair (formand), vice-chair (næstformand), member (medlem), secretary (sekretær), administration (e.g. a director), external (citizens, NGOs)',
  })
  @IsIn(MEMBERSHIP_ROLES)
  role: MembershipRole;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    example: '2024-01-01',
    description:
      "First day of the seat. Left out: today while the committee's mandate runs; otherwise the mandate's first day (a committee still being constituted, or a past committee whose composition is recorded after the fact).",
  })
  @IsOmittable()
  @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2025-12-31',
    description: "Last day of the seat. Left out or null: open, the seat lasts as long as the committee's mandate (and follows it when the mandate changes).",
  })
  @IsOptional()
  @IsCalendarDate()
  endDate?: string | null;
}
