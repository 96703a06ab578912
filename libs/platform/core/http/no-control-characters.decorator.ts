import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * C0 and C1 control characters (tab, CR and LF included), DEL, and the Unicode line and paragraph separators.
 * A name or title is one line of text: a control character in it can only forge a line elsewhere (an
 * iCalendar property, an e-mail header, a Markdown heading), so it is refused at the edge.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

export function hasControlCharacter(value: string): boolean {
  return CONTROL_CHARACTER.test(value);
}

/** A one-line text (a name, a title, a place): any control character is a 400 that names the field. */
export const NoControlCharacters = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'noControlCharacters',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !hasControlCharacter(value),
        defaultMessage: () => '$property must be one line of text without control characters (such as a line break, carriage return or tab)',
      },
    },
    options,
  );
