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

/** Where a form shows a refusal: the field for each of the API's codes, and for each request property it validates. */
export interface RefusalPlaces {
  byCode?: Record<string, string>;
  byProperty?: Record<string, string>;
  /** The field (or the form's button) a refusal about none of them is shown at. */
  otherwise: string;
}

/**
 * An API refusal put next to the field it concerns: by its code, else by the request properties a validation
 * failure names (`details.fields`), each with the Danish message; else next to `otherwise`.
 */
export function refusalAt(places: RefusalPlaces, error: unknown, status: number): FieldMessages {
  const body = (error ?? {}) as ApiErrorBody & { details?: { fields?: unknown } };
  const message = danishMessage(body, status);
  const byCode = body.code ? places.byCode?.[body.code] : undefined;
  if (byCode) return { [byCode]: message };
  const properties = Array.isArray(body.details?.fields) ? (body.details.fields as unknown[]).filter((field): field is string => typeof field === 'string') : [];
  const fields = [...new Set(properties.map((property) => places.byProperty?.[property]).filter((field): field is string => Boolean(field)))];
  if (fields.length > 0) return Object.fromEntries(fields.map((field) => [field, message]));
  return { [places.otherwise]: message };
}

/** The message for a request that got no answer (the connection lost): what was typed stays in the form. */
export const NO_CONNECTION = 'Der er ingen forbindelse til serveren. Det, du har skrevet, er ikke gemt endnu; prøv igen om lidt.';
