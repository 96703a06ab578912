import { QueryFailedError } from 'typeorm';

/** Whether the database refused a write because of the named constraint (unique index, exclusion constraint). */
export function isConstraintViolation(error: unknown, constraint: string): boolean {
  return error instanceof QueryFailedError && (error as QueryFailedError & { constraint?: string }).constraint === constraint;
}
