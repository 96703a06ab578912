import { ApiProperty } from '@nestjs/swagger';
import { NOTICE_WARNING_CODES, type NoticeWarningCode } from '@app/domain';

/** An action allowed although it misses a notice deadline (Kommunestyrelsesloven § 8, stk. 4), as its answer says it. */
export class NoticeWarningDto {
  @ApiProperty({ enum: NOTICE_WARNING_CODES, example: 'agenda_notice_not_met' }) code: NoticeWarningCode;
  @ApiProperty({ example: 'The agenda should have reached the members by 2027-01-27; it goes out late (Kommunestyrelsesloven § 8, stk. 4)' }) message: string;
  @ApiProperty({ format: 'date', example: '2027-01-27', description: 'the notice deadline that was missed' }) deadline: string;
}
