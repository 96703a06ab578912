/**
 * The committee table for statements of other features that must stay one statement (the meeting
 * read, a case's route, an invitation's people); the arguments are SQL expressions of the composing statement.
 */
export const CommitteeSql = {
  /** `committee <alias>`: the committees as the table of a caller's FROM. */
  table: (alias: string): string => `committee ${alias}`,
  /** `JOIN committee <alias> ON <alias>.id = <committeeId>`: the committee's row beside the caller's. */
  join: (alias: string, committeeId: string): string => `JOIN committee ${alias} ON ${alias}.id = ${committeeId}`,
  /** The ids of the committees of the bodies a subquery yields, as a text array (empty when none). */
  idsInBodies: (bodyIdsSubquery: string): string =>
    `coalesce((SELECT array_agg(c.id::text ORDER BY c.id) FROM committee c WHERE c.body_id IN (${bodyIdsSubquery})), '{}'::text[])`,
};

/** The body table for statements of other features (the open-data reads). */
export const BodySql = {
  /** `body <alias>`: the bodies as the table of a caller's FROM. */
  table: (alias: string): string => `body ${alias}`,
};
