/**
 * The person table for statements of other features that must stay one statement (a meeting read, a list with
 * names, the login check): a person's row joined beside another feature's row. Only people names the table.
 */
export const PersonSql = {
  /** `person <alias>`: the people as the table of a caller's FROM (select their public columns only). */
  table: (alias: string): string => `person ${alias}`,
  /** `JOIN person <alias> ON <alias>.id = <personId>`; `left` keeps rows that name nobody. */
  join: (alias: string, personId: string, options: { left?: boolean } = {}): string => `${options.left ? 'LEFT JOIN' : 'JOIN'} person ${alias} ON ${alias}.id = ${personId}`,
  /**
   * The person `$1` as a login presents them (id, email, roles), with `columns` other features compute from `p.id`
   * (the login check adds today's seats), so the check stays one statement.
   */
  login: (columns: Record<string, string> = {}): string =>
    `SELECT ${['p.id', 'p.email', 'p.roles', ...Object.entries(columns).map(([name, sql]) => `${sql} AS ${name}`)].join(', ')} FROM person p WHERE p.id = $1`,
  /** The ids of the bodies the person `personId` acts for, as a subquery (for `IN (...)`). */
  bodyIdsSubquery: (personId: string): string => `SELECT pb.body_id FROM person_body pb WHERE pb.person_id = ${personId}`,
  /** The same ids as a text array, empty when none. */
  bodyIds: (personId: string): string =>
    `coalesce((SELECT array_agg(pb.body_id::text ORDER BY pb.body_id) FROM person_body pb WHERE pb.person_id = ${personId}), '{}'::text[])`,
  /** Whether the person `alias` has a login (a password to log in with). */
  hasLogin: (alias: string): string => `(${alias}.password_hash IS NOT NULL)`,
  /**
   * A digest of the person's password hash ('' without a login), as `loginFingerprint` computes it: a session opened
   * under one password stops working when the password is set again, by whoever sets it.
   */
  loginFingerprint: (alias: string): string => `encode(sha256(convert_to(coalesce(${alias}.password_hash, ''), 'UTF8')), 'hex')`,
};
