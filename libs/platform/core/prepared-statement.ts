/**
 * A statement run on nearly every request, sent to PostgreSQL as a named prepared statement: each connection parses
 * and plans it once instead of at every call, which halves what the hot reads cost the database. A repository gives
 * it to `EntityManager.query` (its transaction's, or the pool's) in place of the SQL text: TypeORM hands it to `pg`
 * unchanged, so its logging, statement counting and error mapping still apply. Names must be unique across the application.
 */
export function preparedStatement(name: string, text: string): string {
  return { name, text, toString: () => text } as unknown as string;
}
