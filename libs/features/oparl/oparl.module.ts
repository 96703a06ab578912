import { Module } from '@nestjs/common';
import { MeetingsPersistenceModule } from '@app/meetings';
import { OparlController } from './oparl.controller.js';
import { OparlRepository } from './oparl.repository.js';
import { OparlService } from './oparl.service.js';

/** OParl 1.1: the public data as open data, reading the other features' tables through their SQL fragments. */
@Module({
  imports: [MeetingsPersistenceModule],
  controllers: [OparlController],
  providers: [OparlRepository, OparlService],
})
export class OparlModule {}
