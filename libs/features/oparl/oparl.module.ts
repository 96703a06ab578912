import { Module } from '@nestjs/common';
import { OparlController } from './oparl.controller.js';
import { OparlRepository } from './oparl.repository.js';
import { OparlService } from './oparl.service.js';

/** OParl 1.1: the public data as open data, reading the other features' tables through their SQL fragments. */
@Module({
  controllers: [OparlController],
  providers: [OparlRepository, OparlService],
})
export class OparlModule {}
