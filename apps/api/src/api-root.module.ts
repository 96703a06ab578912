import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { InfrastructureModule } from '@app/database';
import { ApiModule } from './api.module.js';

/** The API's root module; the single-process start and the tests add the worker's module beside it. */
export function apiRootModule(config: AppConfig, alongside: Type[] = []): DynamicModule {
  @Module({})
  class ApiRootModule {}
  return { module: ApiRootModule, imports: [InfrastructureModule.forRoot(config), ApiModule, ...alongside] };
}
