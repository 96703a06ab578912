import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { DomainError } from '@app/domain';
import { validationError } from '../http-error.js';

/**
 * The validation of every route: DTOs refuse unknown fields and name each bad one, and a body that is there but is
 * not a JSON object (`null`, an array, a number) is refused rather than read as "nothing to change".
 */
export class ApiValidationPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false, exceptionFactory: validationError });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    if (metadata.type === 'body' && value !== undefined && !isObject && this.toValidate(metadata)) {
      throw DomainError.invalid('body_not_object', 'The request body must be a JSON object');
    }
    return super.transform(value, metadata);
  }
}
