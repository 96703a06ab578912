import { ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * The field may be left out but not sent as null. IsOptional lets null through, which would reach a NOT NULL
 * column and fail there; with this the field's own validators refuse it as a 400.
 */
export const IsOmittable = (options?: ValidationOptions) => ValidateIf((_object, value) => value !== undefined, options);
