/** What other features may use of committees: committees, and who sits where on a day. */
export { CommitteeRepository } from './committee.repository.js';
export { SeatRepository, SeatSql, type SeatedPerson, type SeatPeriod } from './seat.repository.js';
export { MembershipSubstituteRepository, type SeatSubstitutes } from './membership-substitute.repository.js';
export { BodySql, CommitteeSql } from './committee-sql.repository.js';
export { CalendarRepository, CommitteeCalendarSql, type CommitteeCalendar } from './calendar.repository.js';
export { ReferralSourceRepository } from './referral-source.repository.js';
