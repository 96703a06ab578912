import { Global, Module } from '@nestjs/common';
import { WorkflowService } from './workflow.service.js';
import { WorkflowsController } from './workflows.controller.js';

@Global()
@Module({ controllers: [WorkflowsController], providers: [WorkflowService], exports: [WorkflowService] })
export class WorkflowsModule {}
