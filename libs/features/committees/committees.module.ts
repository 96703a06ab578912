import { Module } from '@nestjs/common';
import { CommitteesPersistenceModule } from './committees-persistence.module.js';
import { BodiesController } from './bodies.controller.js';
import { BodyService } from './body.service.js';
import { CommitteeService } from './committee.service.js';
import { CommitteesController } from './committees.controller.js';
import { MembershipService } from './membership.service.js';
import { MembershipsController } from './memberships.controller.js';
import { MyCommitteesController } from './my-committees.controller.js';
import { ReferralSourceService } from './referral-source.service.js';
import { ReferralSourcesController } from './referral-sources.controller.js';

/** Municipalities and regions, their committees, and who sits in them. */
@Module({
  imports: [CommitteesPersistenceModule],
  controllers: [BodiesController, CommitteesController, MyCommitteesController, MembershipsController, ReferralSourcesController],
  providers: [BodyService, CommitteeService, MembershipService, ReferralSourceService],
  exports: [BodyService, CommitteeService, MembershipService],
})
export class CommitteesModule {}
