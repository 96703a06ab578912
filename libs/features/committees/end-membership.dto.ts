import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '@app/core';

export class EndMembershipDto {
  @ApiProperty({
    type: String,
    format: 'date',
    example: '2024-12-31',
    description: 'Last day of the seat: no earlier than its first day, and within the committee’s mandate.',
  })
  @IsCalendarDate()
  endDate: string;
}
