import { Module } from '@nestjs/common';
import { PeoplePersistenceModule } from './people-persistence.module.js';
import { PeopleController } from './people.controller.js';
import { PersonService } from './person.service.js';

@Module({ imports: [PeoplePersistenceModule], controllers: [PeopleController], providers: [PersonService], exports: [PersonService] })
export class PeopleModule {}
