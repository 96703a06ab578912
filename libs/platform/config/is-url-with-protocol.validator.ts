import { registerDecorator, type ValidationOptions } from 'class-validator';

/** A URL that parses and uses one of the given protocols (without the colon). */
export function IsUrlWithProtocol(protocols: string[], options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isUrlWithProtocol',
      target: target.constructor,
      propertyName,
      options: { message: `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`, ...options },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string') return false;
          try {
            return protocols.includes(new URL(value).protocol.replace(/:$/, ''));
          } catch {
            return false;
          }
        },
      },
    });
}
