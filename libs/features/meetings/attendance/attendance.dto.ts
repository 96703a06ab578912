import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from './attendance.entity.js';

export class RecordAttendanceDto {
  @ApiProperty({ enum: ATTENDANCE_STATUSES, example: 'absent' })
  @IsIn(ATTENDANCE_STATUSES)
  status: AttendanceStatus;

  @ApiPropertyOptional({ description: 'For a virtual participant who leaves early: local time HH:MM', example: '10:30' })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'until must be a local time HH:MM, e.g. 10:30' })
  until?: string;

  @ApiPropertyOptional({ example: 'Deltager i KL-møde' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
