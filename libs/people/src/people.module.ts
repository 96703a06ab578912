import { Module } from '@nestjs/common';
import { PeopleController } from './people.controller.js';
import { PersonService } from './person.service.js';

@Module({ controllers: [PeopleController], providers: [PersonService], exports: [PersonService] })
export class PeopleModule {}
