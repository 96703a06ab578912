import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WorkflowTransitionRecord } from './workflow-transition.entity.js';
import { WorkflowHistoryRepository } from './workflow-history.repository.js';
import { WorkflowService } from './workflow.service.js';
import { WorkflowsController } from './workflows.controller.js';

@Global()
@Module({ imports: [TypeOrmModule.forFeature([WorkflowTransitionRecord])], controllers: [WorkflowsController], providers: [WorkflowService, WorkflowHistoryRepository], exports: [WorkflowService, WorkflowHistoryRepository] })
export class WorkflowsModule {}
