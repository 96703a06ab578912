import { Transform } from 'class-transformer';

/** Trims a string; anything else passes through for the validators to refuse. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Trims, and reads a blank string as null, so clients can clear an optional text with "". */
export const TrimToNull = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value));
