import type { FieldError } from '../components/ErrorSummary';
import { type ApiErrorBody, danishMessage } from './errors';

/** The messages a refused form shows, keyed by field id, for the fields and the summary alike. */
export type FieldMessages = Record<string, string>;

export function asSummary(messages: FieldMessages): FieldError[] {
  return Object.entries(messages).map(([field, message]) => ({ field, message }));
}

/** The fields left empty among those required, each with its Danish message. */
export function missingFields(values: Record<string, string>, required: Record<string, string>): FieldMessages {
  return Object.fromEntries(Object.entries(required).filter(([field]) => !values[field]?.trim()));
}

/** An API refusal put next to the field it is about (or the first field, when it names none). */
export function refusalOn(field: string, error: unknown, status: number): FieldMessages {
  return { [field]: danishMessage(error as ApiErrorBody, status) };
}

/** Where a form shows the refusals of its request: the form's field ids by the API's field names and by error codes. */
export interface RefusalPlaces {
  /** The API's body field (as `details.field` or `details.fields` name it) -> the form's field id. */
  byApiField?: Record<string, string>;
  /** An error code -> the form's field id, for refusals that name no field (`membership_outside_mandate` -> the dates). */
  byCode?: Record<string, string>;
  /** Where a refusal that names none of the above is shown: the form's submit button or its first field. */
  fallback: string;
}

function namedFields(error: ApiErrorBody & { details?: Record<string, unknown> }): string[] {
  const details = error.details ?? {};
  const fields = Array.isArray(details.fields) ? details.fields.filter((field): field is string => typeof field === 'string') : [];
  return typeof details.field === 'string' ? [details.field, ...fields] : fields;
}

/** Said when the request never got an answer (the connection was lost): what was typed is still in the form. */
export const NO_CONNECTION = 'Der er ingen forbindelse til serveren, så intet er gemt. Det, du har skrevet, står her endnu. Prøv igen om lidt.';

/**
 * An API refusal put next to the field it is about, in Danish: every field the API names that the form has, else
 * the field its code concerns, else the fallback.
 */
export function refusalOnFields(error: unknown, status: number, places: RefusalPlaces): FieldMessages {
  const body = (error ?? {}) as ApiErrorBody & { details?: Record<string, unknown> };
  const message = status === 0 ? NO_CONNECTION : danishMessage(body, status);
  const fields = [...new Set(namedFields(body).flatMap((field) => (places.byApiField?.[field] ? [places.byApiField[field]] : [])))];
  if (fields.length > 0) return Object.fromEntries(fields.map((field) => [field, message]));
  const byCode = body.code ? places.byCode?.[body.code] : undefined;
  return { [byCode ?? places.fallback]: message };
}
