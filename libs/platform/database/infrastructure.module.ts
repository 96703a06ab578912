import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@app/config';
import { RedisModule } from '@app/core';
import { DatabaseModule } from './database.module.js';

/** Configuration, PostgreSQL, Redis and BullMQ's connection: what both the API and the worker stand on. */
@Module({})
export class InfrastructureModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: InfrastructureModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        RedisModule,
        BullModule.forRoot({
          connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
          prefix: `${config.REDIS_PREFIX}:bull`,
        }),
      ],
    };
  }
}
