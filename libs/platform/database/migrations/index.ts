import { Initial1795436070735 } from './1795436070735-Initial.js';
import { Workflows1795490000000 } from './1795490000000-Workflows.js';
import { ProcessPlan1795500000000 } from './1795500000000-ProcessPlan.js';
import { Meetings1795510000000 } from './1795510000000-Meetings.js';
import { Minutes1795520000000 } from './1795520000000-Minutes.js';
import { AgendaMailAndReminders1795530000000 } from './1795530000000-AgendaMailAndReminders.js';
import { AuditClient1795540000000 } from './1795540000000-AuditClient.js';
import { RetryWindow1795545000000 } from './1795545000000-RetryWindow.js';
import { Sessions1795550000000 } from './1795550000000-Sessions.js';
import { PasswordTokens1795550000001 } from './1795550000001-PasswordTokens.js';
import { PersonBodies1795560000000 } from './1795560000000-PersonBodies.js';
import { Referrals1795570000000 } from './1795570000000-Referrals.js';
import { MeetingStartIndex1795590000000 } from './1795590000000-MeetingStartIndex.js';
import { AgendaDocuments1795600000000 } from './1795600000000-AgendaDocuments.js';
import { MembershipModified1795630000000 } from './1795630000000-MembershipModified.js';
import { CalendarFeeds1795640000000 } from './1795640000000-CalendarFeeds.js';
import { CommissionAdoption1795650000000 } from './1795650000000-CommissionAdoption.js';
import { Substitutes1795660000000 } from './1795660000000-Substitutes.js';
import { ItemVotes1795670000000 } from './1795670000000-ItemVotes.js';
import { MeetingEnded1795670000001 } from './1795670000001-MeetingEnded.js';
import { MinutesSignedEdition1795670000002 } from './1795670000002-MinutesSignedEdition.js';
import { AddendumItem1795670000003 } from './1795670000003-AddendumItem.js';
import { NoticeAndCorrections1795680000000 } from './1795680000000-NoticeAndCorrections.js';
import { ClosedItemReasons1795690000000 } from './1795690000000-ClosedItemReasons.js';
import { StrategicAims1795700000000 } from './1795700000000-StrategicAims.js';
import { MeetingMinutesPublished1795720000000 } from './1795720000000-MeetingMinutesPublished.js';
import { DeliveryPossibleResends1795760000000 } from './1795760000000-DeliveryPossibleResends.js';
import { DeliveryClaimedBy1795770000000 } from './1795770000000-DeliveryClaimedBy.js';
import { FileChecksumsAndRemovals1795800000000 } from './1795800000000-FileChecksumsAndRemovals.js';
import { AgendaMailRound1795840000000 } from './1795840000000-AgendaMailRound.js';

export const MIGRATIONS = [
  Initial1795436070735, Workflows1795490000000, ProcessPlan1795500000000, Meetings1795510000000, Minutes1795520000000, AgendaMailAndReminders1795530000000, AuditClient1795540000000,
  RetryWindow1795545000000, Sessions1795550000000, PasswordTokens1795550000001, PersonBodies1795560000000, Referrals1795570000000, MeetingStartIndex1795590000000,
  AgendaDocuments1795600000000, MembershipModified1795630000000, CalendarFeeds1795640000000, CommissionAdoption1795650000000, Substitutes1795660000000,
  ItemVotes1795670000000, MeetingEnded1795670000001, MinutesSignedEdition1795670000002, AddendumItem1795670000003, NoticeAndCorrections1795680000000,
  ClosedItemReasons1795690000000, StrategicAims1795700000000, MeetingMinutesPublished1795720000000, DeliveryPossibleResends1795760000000,
  DeliveryClaimedBy1795770000000, FileChecksumsAndRemovals1795800000000, AgendaMailRound1795840000000,
];
