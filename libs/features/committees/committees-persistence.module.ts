import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeoplePersistenceModule } from '@app/people';
import { Body } from './body.entity.js';
import { Committee } from './committee.entity.js';
import { Membership } from './membership.entity.js';
import { MembershipSubstitute } from './membership-substitute.entity.js';
import { MembershipSubstituteRepository } from './membership-substitute.repository.js';
import { BodyRepository } from './body.repository.js';
import { CommitteeRepository } from './committee.repository.js';
import { MembershipRepository } from './membership.repository.js';
import { SeatRepository } from './seat.repository.js';
import { CalendarRepository } from './calendar.repository.js';
import { ReferralSource } from './referral-source.entity.js';
import { ReferralSourceRepository } from './referral-source.repository.js';

/** Bodies, committees and their seats. Registered with the data source by this module (TypeORM's autoLoadEntities). */
@Module({
  imports: [PeoplePersistenceModule, TypeOrmModule.forFeature([Body, Committee, Membership, MembershipSubstitute, ReferralSource])],
  providers: [BodyRepository, CommitteeRepository, MembershipRepository, MembershipSubstituteRepository, SeatRepository, CalendarRepository, ReferralSourceRepository],
  exports: [PeoplePersistenceModule, TypeOrmModule, BodyRepository, CommitteeRepository, MembershipRepository, MembershipSubstituteRepository, SeatRepository, CalendarRepository, ReferralSourceRepository],
})
export class CommitteesPersistenceModule {}
