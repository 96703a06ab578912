import { AbstractLogger, type LogLevel, type LogMessage, type QueryRunner } from 'typeorm';
import { RequestContext } from '@app/core';

/** Counts every SQL statement against the request that ran it; logs nothing itself. */
export class SqlStatementCounter extends AbstractLogger {
  override logQuery(_query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    RequestContext.countSqlStatement();
  }

  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[] | string | number, _queryRunner?: QueryRunner): void {}
}
