import { ACCESS_ERRORS } from './access.errors.js';
import { CALENDAR_ERRORS } from './calendar.errors.js';
import { COMMISSION_ERRORS } from './commissions.errors.js';
import { COMMITTEE_ERRORS } from './committees.errors.js';
import { type CodesOfKind, type DomainErrorKind, type ErrorCodeEntry } from './error-catalogue.js';
import { MEETING_ERRORS } from './meetings.errors.js';
import { MINUTES_ERRORS } from './minutes.errors.js';
import { PEOPLE_ERRORS } from './people.errors.js';
import { PROCESS_PLAN_ERRORS } from './process-plans.errors.js';
import { REQUEST_ERRORS } from './requests.errors.js';
import { STRATEGY_ERRORS } from './strategy.errors.js';
import { WORKFLOW_ERRORS } from './workflow.errors.js';

export * from './error-catalogue.js';
export { ACCESS_ERRORS, CALENDAR_ERRORS, COMMISSION_ERRORS, COMMITTEE_ERRORS, MEETING_ERRORS, MINUTES_ERRORS, PEOPLE_ERRORS, PROCESS_PLAN_ERRORS, REQUEST_ERRORS, STRATEGY_ERRORS, WORKFLOW_ERRORS };

/**
 * The records a request can name by id; `DomainError.notFound(record, id)` answers `<record>_not_found`
 * (spaces as underscores: "agenda item" -> agenda_item_not_found).
 */
export const NOT_FOUND_RECORDS = ['agenda item', 'attachment', 'body', 'calendar feed', 'committee', 'delivery', 'item note', 'kommissorium', 'meeting', 'minutes addendum', 'person', 'phase', 'phase_participant', 'referral', 'strategic aim'] as const;
export type NotFoundRecord = (typeof NOT_FOUND_RECORDS)[number];

type AreaCatalogues = typeof ACCESS_ERRORS &
  typeof CALENDAR_ERRORS &
  typeof COMMISSION_ERRORS &
  typeof COMMITTEE_ERRORS &
  typeof MEETING_ERRORS &
  typeof MINUTES_ERRORS &
  typeof PEOPLE_ERRORS &
  typeof PROCESS_PLAN_ERRORS &
  typeof REQUEST_ERRORS &
  typeof STRATEGY_ERRORS &
  typeof WORKFLOW_ERRORS;

/** Every error code of the API with its kind and meaning, area by area: the list a client translating codes works from. */
export const ERROR_CATALOGUE: Readonly<Record<string, ErrorCodeEntry>> = {
  ...ACCESS_ERRORS,
  ...CALENDAR_ERRORS,
  ...COMMISSION_ERRORS,
  ...COMMITTEE_ERRORS,
  ...MEETING_ERRORS,
  ...MINUTES_ERRORS,
  ...PEOPLE_ERRORS,
  ...PROCESS_PLAN_ERRORS,
  ...REQUEST_ERRORS,
  ...STRATEGY_ERRORS,
  ...WORKFLOW_ERRORS,
  ...Object.fromEntries(NOT_FOUND_RECORDS.map((record) => [`${record.replace(/[^a-z]+/gi, '_')}_not_found`, { kind: 'not-found', meaning: `No ${record} with that id` }])),
};

/** A code of the catalogue of the given kind: a code no catalogue lists, or of another kind, does not compile. */
export type ErrorCode<K extends DomainErrorKind = DomainErrorKind> = CodesOfKind<AreaCatalogues, K>;
