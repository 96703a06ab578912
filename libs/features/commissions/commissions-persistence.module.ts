import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitteesPersistenceModule } from '@app/committees';
import { Commission } from './commission.entity.js';

/** The kommissorium's versions. Registered with the data source by this module (TypeORM's autoLoadEntities). */
@Module({ imports: [CommitteesPersistenceModule, TypeOrmModule.forFeature([Commission])], exports: [CommitteesPersistenceModule, TypeOrmModule] })
export class CommissionsPersistenceModule {}
