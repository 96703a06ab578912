import { Module } from '@nestjs/common';
import { AuditApiModule, AuditModule } from '@app/audit';
import { AccessModule } from '@app/access';
import { AuthModule } from '@app/auth';
import { CommissionsModule } from '@app/commissions';
import { CommitteesModule } from '@app/committees';
import { HealthModule } from '@app/health';
import { MeetingsModule } from '@app/meetings';
import { MinutesModule } from '@app/minutes';
import { OparlModule } from '@app/oparl';
import { OutboxModule } from '@app/outbox';
import { PeopleModule } from '@app/people';
import { ProcessPlansModule } from '@app/process-plans';
import { StrategyModule } from '@app/strategy';
import { WorkflowsModule } from '@app/workflows';
import { QueueDashboardModule } from './queue-dashboard.module.js';

/** The HTTP API: controllers of the feature libraries. */
@Module({
  imports: [AccessModule, AuditModule, AuditApiModule, AuthModule, OutboxModule, HealthModule, PeopleModule, CommitteesModule, WorkflowsModule, CommissionsModule, MeetingsModule, ProcessPlansModule, StrategyModule, MinutesModule, OparlModule, QueueDashboardModule],
})
export class ApiModule {}
