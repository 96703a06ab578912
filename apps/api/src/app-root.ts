import { type DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { InfrastructureModule } from '@app/database';
import { WorkerModule } from '../../worker/src/worker.module.js';
import { ApiModule } from './api.module.js';

/** The API's root module; with the worker inside it for the single-process quick start and the tests. */
export function apiRootModule(config: AppConfig, options: { withWorker: boolean }): DynamicModule {
  @Module({})
  class ApiRootModule {}
  return {
    module: ApiRootModule,
    imports: [InfrastructureModule.forRoot(config), ApiModule, ...(options.withWorker ? [WorkerModule] : [])],
  };
}
