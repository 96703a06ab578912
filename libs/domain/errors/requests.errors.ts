import { defineErrorCatalogue } from './error-catalogue.js';

/** Refusals of a request as such, whatever it asks for: its form, its body, ids, versions. */
export const REQUEST_ERRORS = defineErrorCatalogue({
  validation_failed: { kind: 'invalid', meaning: 'One or more fields are missing, unknown or of the wrong form; the message names each' },
  body_not_object: { kind: 'invalid', meaning: 'The JSON body is not an object' },
  bad_request: { kind: 'invalid', meaning: 'The request is malformed' },
  invalid_id: { kind: 'invalid', meaning: 'An id in the path is not a UUID' },
  invalid_value: { kind: 'invalid', meaning: 'A value has the wrong form for the database' },
  missing_value: { kind: 'invalid', meaning: 'A required value is missing' },
  rule_violated: { kind: 'invalid', meaning: 'A value breaks a rule of the record' },
  nothing_to_update: { kind: 'invalid', meaning: 'A change was asked for without any field to change' },
  not_found: { kind: 'not-found', meaning: 'No such route or record' },
  referenced_record_not_found: { kind: 'not-found', meaning: 'A record the request refers to does not exist' },
  method_not_allowed: { kind: 'invalid', meaning: 'The route does not take this HTTP method' },
  conflict: { kind: 'conflict', meaning: 'The request conflicts with an existing record' },
  stale_row_version: { kind: 'conflict', meaning: 'The record changed since it was read (rowVersion); reload and try again' },
  payload_too_large: { kind: 'invalid', meaning: 'The body or file is larger than allowed' },
  unsupported_media_type: { kind: 'invalid', meaning: 'The body or file is of a type that is not accepted' },
  invalid_cursor: { kind: 'invalid', meaning: 'The cursor is not one the list gave out' },
  cursor_filters_changed: { kind: 'invalid', meaning: 'A cursor continues the list with the filters it was given out for' },
  database_unavailable: { kind: 'unavailable', meaning: 'The database cannot be reached just now; nothing was changed: try again after Retry-After seconds' },
  internal_error: { kind: 'invalid', meaning: 'Something went wrong on the server; it has been logged' },
});
