import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '@app/core';

/** One e-mail about a meeting to one person: the agenda, an update, the cancellation or a reminder. */
export class MeetingDeliveryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    example: 'agenda',
    description: 'agenda, agenda-update, agenda-cancellation, agenda-deadline-reminder (to the secretary and chair), minutes-unsigned-reminder (to the secretary)',
  })
  kind: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) personId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Birgit Jakobsen' }) personName: string | null;
  @ApiProperty({ example: 'birgit@hedensted.dk', description: 'The address it was sent to' }) recipient: string;
  @ApiProperty({ type: Number, nullable: true, description: 'SEQUENCE of the calendar invitation it carried; null for reminders' }) sequence: number | null;
  @ApiProperty({
    enum: ['pending', 'sending', 'sent', 'retrying', 'failed'],
    description:
      'retrying: an attempt failed for a passing reason and another follows at nextAttemptAt; failed: refused for good (5xx) or still failing after the retry window; lastError says why',
  })
  status: string;
  @ApiProperty({ description: 'Attempts to send so far; a refusal for good (5xx) ends it failed after one' }) attempts: number;
  @ApiProperty({
    description:
      'How many times the mail server may have received it more than once: attempts begun while an earlier attempt’s outcome was unknown ' +
      '(its worker died, or the database went away after the server accepted). A resend carries the same Message-ID, so mail clients show it once',
  })
  possibleResends: number;
  @ApiProperty({ type: Date, nullable: true }) sentAt: Date | null;
  @ApiProperty({ type: Date, nullable: true, description: 'When a retrying e-mail is tried next' }) nextAttemptAt: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last attempt failed' }) lastError: string | null;
  @ApiProperty({ description: 'When the first attempt began' }) createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

/** The sums over all of the meeting's e-mails, whichever page is read. */
export class MeetingDeliveryTotalsDto {
  @ApiProperty({ description: 'E-mails about the meeting, one per recipient' }) deliveries: number;
  @ApiProperty() sent: number;
  @ApiProperty() failed: number;
  @ApiProperty({ description: 'Attempts over all of them' }) attempts: number;
  @ApiProperty({ description: 'Possible resends over all of them (see possibleResends on each)' }) possibleResends: number;
}

/** A page of the meeting's e-mails, with the sums over all of them. */
export class MeetingDeliveriesPageDto extends PageOf(MeetingDeliveryDto) {
  @ApiProperty({ type: MeetingDeliveryTotalsDto }) totals: MeetingDeliveryTotalsDto;
}
