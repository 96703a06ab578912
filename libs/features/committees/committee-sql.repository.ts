/**
 * The committee table and its seats for statements of other features that must stay one statement (the meeting
 * read, a case's route, an invitation's people); the arguments are SQL expressions of the composing statement.
 */
export const CommitteeSql = {
  /** `JOIN committee <alias> ON <alias>.id = <committeeId>`: the committee's row beside the caller's. */
  join: (alias: string, committeeId: string): string => `JOIN committee ${alias} ON ${alias}.id = ${committeeId}`,
  /**
   * Rows (person_id, secretary_since) of everyone seated in the committee on the day; secretary_since is the start
   * of the earliest secretary seat held that day, null for those seated without one.
   */
  seniorityOn: (committee: string, day: string): string =>
    `(SELECT m.person_id, min(m.start_date) FILTER (WHERE m.role = 'secretary') AS secretary_since FROM membership m
       WHERE m.committee_id = ${committee} AND m.start_date <= ${day} AND (m.end_date IS NULL OR m.end_date >= ${day}) GROUP BY m.person_id)`,
};
