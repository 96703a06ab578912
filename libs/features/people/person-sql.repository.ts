/**
 * The person table for statements of other features that must stay one statement (a meeting read, a list with
 * names): a person's row joined beside another feature's row. Only people names the table.
 */
export const PersonSql = {
  /** `JOIN person <alias> ON <alias>.id = <personId>`; `left` keeps rows that name nobody. */
  join: (alias: string, personId: string, options: { left?: boolean } = {}): string => `${options.left ? 'LEFT JOIN' : 'JOIN'} person ${alias} ON ${alias}.id = ${personId}`,
};
