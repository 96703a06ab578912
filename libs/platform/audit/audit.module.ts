import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditEntryRepository } from './audit-entry.repository.js';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';

/** The audit trail's writer, for the API and the worker alike. */
@Global()
@Module({ imports: [TypeOrmModule.forFeature([AuditEntry])], providers: [AuditEntryRepository, AuditService], exports: [AuditService] })
export class AuditModule {}

/** GET /api/audit; only the API registers it. */
@Module({ controllers: [AuditController] })
export class AuditApiModule {}
