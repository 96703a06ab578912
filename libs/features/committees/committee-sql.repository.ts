/**
 * The committee table for statements of other features that must stay one statement (the meeting
 * read, a case's route, an invitation's people); the arguments are SQL expressions of the composing statement.
 */
export const CommitteeSql = {
  /** `JOIN committee <alias> ON <alias>.id = <committeeId>`: the committee's row beside the caller's. */
  join: (alias: string, committeeId: string): string => `JOIN committee ${alias} ON ${alias}.id = ${committeeId}`,
};
