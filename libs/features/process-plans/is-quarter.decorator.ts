import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';
import { isQuarter } from '@app/domain';

/** A calendar quarter written `2024-Q2`; `2024-Q5`, `2024-q2` and `Q2 2024` are refused as 400s naming the field. */
export function IsQuarter(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isQuarter',
      validator: {
        validate: (value) => isQuarter(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a calendar quarter written like 2024-Q2`, options),
      },
    },
    options,
  );
}
