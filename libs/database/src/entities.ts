import { AuditEntry } from '../../audit/src/audit-entry.entity.js';
import { Commission } from '../../commissions/src/commission.entity.js';
import { Body } from '../../committees/src/body.entity.js';
import { Committee } from '../../committees/src/committee.entity.js';
import { Membership } from '../../committees/src/membership.entity.js';
import { AgendaItemChange } from '../../meetings/src/agenda-item-change.entity.js';
import { AgendaItem } from '../../meetings/src/agenda-item.entity.js';
import { Attendance } from '../../meetings/src/attendance.entity.js';
import { ItemAttachment } from '../../meetings/src/item-attachment.entity.js';
import { ItemNote } from '../../meetings/src/item-note.entity.js';
import { Meeting } from '../../meetings/src/meeting.entity.js';
import { MinutesAddendum } from '../../minutes/src/minutes-addendum.entity.js';
import { MinutesFile } from '../../minutes/src/minutes-file.entity.js';
import { MinutesSignature } from '../../minutes/src/minutes-signature.entity.js';
import { Minutes } from '../../minutes/src/minutes.entity.js';
import { Delivery } from '../../notifications/src/delivery.entity.js';
import { OutboxMessage } from '../../outbox/src/outbox-message.entity.js';
import { Person } from '../../people/src/person.entity.js';
import { PhaseParticipant } from '../../process-plans/src/phase-participant.entity.js';
import { Phase } from '../../process-plans/src/phase.entity.js';
import { WorkflowTransitionRecord } from '../../workflows/src/workflow-transition.entity.js';

/** Every entity of the schema; the data source of the processes and of the migration CLI both use this list. */
export const ENTITIES = [Person, Body, Committee, Membership, AuditEntry, OutboxMessage, Delivery, WorkflowTransitionRecord, Commission, Meeting, AgendaItem, Attendance, ItemAttachment, ItemNote, AgendaItemChange, Phase, PhaseParticipant, Minutes, MinutesFile, MinutesSignature, MinutesAddendum];
