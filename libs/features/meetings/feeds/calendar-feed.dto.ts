import { ApiProperty } from '@nestjs/swagger';

/** Whether I have a personal calendar address; the address itself was shown only when it was made. */
export class CalendarFeedStatusDto {
  @ApiProperty() active: boolean;
  @ApiProperty({ type: Date, nullable: true, description: 'When the current address was made (or last renewed)' }) createdAt: Date | null;
}

/** A new personal calendar address: shown this once, as only its hash is kept. */
export class CalendarFeedCreatedDto {
  @ApiProperty({ example: 'https://udvalg.kommune.dk/api/calendar/3q2-7wEh6Y1x1sZpZb8m2vOa5RrC8qfQk1jV0uK3yHs.ics', description: 'The secret address to subscribe to' })
  url: string;

  @ApiProperty() createdAt: Date;
}
