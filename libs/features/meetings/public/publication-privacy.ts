import { Injectable } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, Matches } from 'class-validator';
import { AuditService } from '@app/audit';
import { AppConfig } from '@app/config';
import type { Transaction } from '@app/database';
import {
  DomainError,
  findPersonalData,
  personalDataFingerprinter,
  type PersonalDataFinding,
  type PersonalDataFingerprinter,
  type PublicTextField,
  unconfirmedFindings,
} from '@app/domain';
import { FireEventDto } from '@app/workflows';
import type { AgendaItemDto } from '../agenda/agenda-item.dto.js';
import { MeetingViewRepository } from '../meeting/meeting-view.repository.js';
import type { PublicMeetingDto } from './public-meeting.dto.js';
import { publicAgenda } from './public-agenda.js';

/** A fingerprint as findings carry it: 22 characters of base64url. */
const FINGERPRINT = /^[A-Za-z0-9_-]{22}$/;

/** A workflow event that makes text public (an agenda's publish, the minutes' approve and publish). */
export class PublicationEventDto extends FireEventDto {
  @ApiPropertyOptional({
    type: [String],
    example: ['Qm9yZ2VyZW5zIGUtbWFpbA'],
    description:
      'The fingerprints of personal data (from a 409 `personal_data_found`) confirmed as meant to be public; each confirmation is audited as `privacy.confirmed-public`',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(FINGERPRINT, { each: true, message: 'each of confirmPublic must be a fingerprint from a personal_data_found refusal (22 characters of base64url)' })
  confirmPublic?: string[];
}

/** The confirmations a publication event carries in its workflow payload. */
export function confirmationsOf(payload: Record<string, unknown>): string[] {
  const confirmed = payload.confirmPublic;
  return Array.isArray(confirmed) ? confirmed.filter((entry): entry is string => typeof entry === 'string') : [];
}

/**
 * Every text the public reads of a meeting: its title and location, and each item as the portal shows it (a closed
 * item only by its public title). `stored` gives the item ids the secretary knows, which a closed item hides in public.
 */
export function publicTextOf(agenda: PublicMeetingDto, stored: readonly Pick<AgendaItemDto, 'id'>[]): PublicTextField[] {
  const meetingField = (field: string, text: string | null): PublicTextField => ({ itemId: null, itemNumber: null, itemTitle: null, field, text });
  return [
    meetingField('title', agenda.title),
    meetingField('location', agenda.location),
    ...agenda.items.flatMap((item, index) => {
      const on = { itemId: stored[index].id, itemNumber: item.number, itemTitle: item.title };
      const texts: [string, string | null][] = [
        ['title', item.title],
        ['caseNumber', item.caseNumber],
        ['summary', item.summary],
        ['recommendation', item.recommendation],
        ['presentation', item.presentation],
        ['decision', item.decision],
        ...item.attachments.map(({ name }, n): [string, string] => [`attachments[${n}].name`, name]),
        ...item.dissents.map(({ text }, n): [string, string | null] => [`dissents[${n}]`, text]),
        ...item.disqualifications.map(({ text }, n): [string, string | null] => [`disqualifications[${n}]`, text]),
        ...item.earlierDecisions.map(({ decision }, n): [string, string] => [`earlierDecisions[${n}].decision`, decision]),
      ];
      return texts.map(([field, text]) => ({ ...on, field, text }));
    }),
  ];
}

export type Publication = 'agenda' | 'minutes-approval' | 'minutes';

/**
 * The privacy check before anything about a meeting becomes public: the public text, read once in the publishing
 * transaction, may hold no CPR number, e-mail address or phone number the one publishing has not confirmed. A
 * refusal rolls the whole transition back; each confirmation that let a finding through is audited, by its
 * fingerprint and masked form only.
 */
@Injectable()
export class PublicationPrivacyCheck {
  private readonly fingerprint: PersonalDataFingerprinter;

  constructor(
    private readonly views: MeetingViewRepository,
    private readonly audit: AuditService,
    config: AppConfig,
  ) {
    this.fingerprint = personalDataFingerprinter(config.JWT_SECRET);
  }

  async assertCleared(tx: Transaction, meetingId: string, publication: Publication, confirmed: readonly string[]): Promise<void> {
    // One after the other: statements on one transaction's connection never run side by side.
    const meeting = await this.views.summary(meetingId, tx);
    if (!meeting) throw DomainError.notFound('meeting', meetingId);
    const stored = await this.views.items(meetingId, tx);
    const findings = findPersonalData(publicTextOf(publicAgenda(meeting, stored), stored), this.fingerprint);
    const open = unconfirmedFindings(findings, confirmed);
    if (open.length > 0) throw personalDataFound(publication, open);
    for (const finding of findings) await this.recordConfirmation(tx, meetingId, publication, finding);
  }

  private recordConfirmation(tx: Transaction, meetingId: string, publication: Publication, { kind, masked, fingerprint, where }: PersonalDataFinding): Promise<void> {
    const { itemId, itemNumber, field, offset } = where;
    return this.audit.record(tx, {
      action: 'privacy.confirmed-public',
      entityType: 'meeting',
      entityId: meetingId,
      details: { publication, kind, masked, fingerprint, where: { itemId, itemNumber, field, offset } },
    });
  }
}

function personalDataFound(publication: Publication, findings: PersonalDataFinding[]): DomainError {
  const what = publication === 'agenda' ? 'agenda' : 'minutes';
  const places = findings.map(({ kind, masked, where }) => `${kind} ${masked} in ${where.itemNumber === null ? 'the meeting' : `punkt ${where.itemNumber}`} (${where.field})`);
  return DomainError.conflict(
    'personal_data_found',
    `The ${what} would make personal data public: ${places.join('; ')}. Redact it, or confirm each finding meant to be public by sending its fingerprint in confirmPublic`,
    { publication, findings },
  );
}
