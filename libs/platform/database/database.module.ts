import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config';
import { dataSourceOptions } from './data-source-options.js';
import { DatabaseHealth } from './database-health.js';
import { UnitOfWork } from './unit-of-work.js';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      // Each feature registers its own entities (TypeOrmModule.forFeature in its persistence module); nothing here names them.
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config.DATABASE_URL), autoLoadEntities: true }),
    }),
  ],
  providers: [UnitOfWork, DatabaseHealth],
  exports: [TypeOrmModule, UnitOfWork, DatabaseHealth],
})
export class DatabaseModule {}
