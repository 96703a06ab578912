/** What other features may use of people: a person's row, a login, the links to choose a password, and the person table joined into one statement. */
export { PersonRepository, type LoginPerson } from './person.repository.js';
export { PersonSql } from './person-sql.repository.js';
export { PasswordTokenRepository, type UsablePasswordToken } from './password-token.repository.js';
