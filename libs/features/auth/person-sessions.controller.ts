import { Controller, Delete, HttpCode } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@app/access';
import { type Actor, ApiRefusals, UuidParam } from '@app/core';
import { PersonSessionsService } from './person-sessions.service.js';

@ApiTags('people')
@ApiBearerAuth()
@Controller('people/:id')
export class PersonSessionsController {
  constructor(private readonly personSessions: PersonSessionsService) {}

  @Delete('sessions')
  @HttpCode(204)
  @ApiOperation({ summary: "End all the person's sessions at once (admin)", description: 'Every token and browser session of the person stops working; the password stays.' })
  @ApiNoContentResponse({ description: 'every session of the person has ended' })
  @ApiRefusals({ 400: 'the id is not a UUID', 403: 'not an administrator', 404: 'no person has the id' })
  endSessions(@CurrentActor() actor: Actor, @UuidParam('id') personId: string): Promise<void> {
    return this.personSessions.endAll(actor, personId);
  }

  @Delete('login')
  @HttpCode(204)
  @ApiOperation({
    summary: "Take the person's login away (admin)",
    description: 'The password is removed and every session ends at once; a password given later (PATCH /api/people/:id) gives the login back.',
  })
  @ApiNoContentResponse({ description: 'the person can no longer log in' })
  @ApiRefusals({ 400: 'the id is not a UUID', 403: 'not an administrator', 404: 'no person has the id', 409: 'the last administrator who can log in' })
  removeLogin(@CurrentActor() actor: Actor, @UuidParam('id') personId: string): Promise<void> {
    return this.personSessions.removeLogin(actor, personId);
  }
}
