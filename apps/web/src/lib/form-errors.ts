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
