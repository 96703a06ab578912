import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';
import { isIsoDate } from '@app/domain';

/** A real calendar date as `YYYY-MM-DD`: 2024-02-29 passes, 2024-02-30 and 2024-02-03T10:00 do not. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => isIsoDate(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a real date as YYYY-MM-DD, e.g. 2024-01-01`, options),
      },
    },
    options,
  );
}
