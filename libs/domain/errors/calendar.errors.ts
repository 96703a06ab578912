import { defineErrorCatalogue } from './error-catalogue.js';

/** Dates, periods, quarters and working days. */
export const CALENDAR_ERRORS = defineErrorCatalogue({
  invalid_date: { kind: 'invalid', meaning: 'Not a calendar date (YYYY-MM-DD)' },
  invalid_closed_day: { kind: 'invalid', meaning: 'A closed day must be MM-DD or YYYY-MM-DD' },
  invalid_working_day_count: { kind: 'invalid', meaning: 'A number of working days must be a whole number of 0 or more' },
  period_end_before_start: { kind: 'invalid', meaning: 'A period ends before it starts' },
  invalid_quarter: { kind: 'invalid', meaning: 'Not a quarter (YYYY-Qn)' },
  quarter_span_reversed: { kind: 'invalid', meaning: 'The last quarter comes before the first' },
});
