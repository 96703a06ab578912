import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CurrentActor } from '@app/access';
import type { Actor, Page } from '@app/core';
import { CreatePersonDto } from './create-person.dto.js';
import { ListPeopleQueryDto } from './list-people-query.dto.js';
import { PersonDto, PersonResponseDto } from './person-response.dto.js';

/** What a reader gets: an administrator the person with roles and login status (PersonResponseDto), anyone else PersonDto. */
const PERSON_FOR_READER = { oneOf: [{ $ref: getSchemaPath(PersonResponseDto) }, { $ref: getSchemaPath(PersonDto) }] };
import { PersonService } from './person.service.js';
import { UpdatePersonDto } from './update-person.dto.js';
import { ApiRefusals, UuidParam } from '@app/core';

@ApiTags('people')
@ApiExtraModels(PersonDto, PersonResponseDto)
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(
    private readonly people: PersonService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Create a person (admin)',
    description:
      'A politician, civil servant or external participant. With a password the person can log in and is sent a welcome e-mail. `bodyIds`: the bodies a director or admin acts for; an administrator of bodies makes people of their own bodies only.',
  })
  @ApiCreatedResponse({ type: PersonResponseDto })
  @ApiRefusals({
    400: 'a field is missing or malformed, or an unknown field was sent',
    403: 'not an administrator, or an administrator of bodies giving other bodies than their own, or none (`outside_administered_bodies`)',
    404: 'an id of bodyIds names no body',
    409: 'another person has the e-mail',
  })
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePersonDto): Promise<PersonResponseDto> {
    return this.people.create(actor, dto);
  }

  @Get()
  @ApiOperation({
    summary: 'List people by name (anyone logged in)',
    description: "Who sits in the municipality's committees is public; `q` searches name and e-mail. Paged, by name and then id. Global roles (`roles`) and login status (`hasLogin`) are shown to administrators only.",
  })
  @ApiOkResponse({ schema: { type: 'object', required: ['items', 'nextCursor'], properties: { items: { type: 'array', items: PERSON_FOR_READER }, nextCursor: { type: 'string', nullable: true } } } })
  @ApiRefusals({ 400: 'a malformed query parameter, or a cursor given out for another search (`cursor_filters_changed`)' })
  list(@CurrentActor() actor: Actor, @Query() query: ListPeopleQueryDto): Promise<Page<PersonDto | PersonResponseDto>> {
    return this.people.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One person (anyone logged in)', description: 'Global roles (`roles`) and login status (`hasLogin`) are shown to administrators only.' })
  @ApiOkResponse({ schema: PERSON_FOR_READER })
  @ApiRefusals({ 400: 'the id is not a UUID', 404: 'no person has the id' })
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<PersonDto | PersonResponseDto> {
    return this.people.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a person (admin)',
    description: 'Only the fields sent change; `party` and `title` take null to clear. A password given to a person without a login gives them one and a welcome e-mail.',
  })
  @ApiOkResponse({ type: PersonResponseDto })
  @ApiRefusals({
    400: 'a field is malformed or null where it may not be, or an unknown field was sent',
    403: 'not an administrator, or an administrator of bodies changing someone not of their bodies, or giving other bodies than their own (`outside_administered_bodies`)',
    404: 'no person has the id, or an id of bodyIds names no body',
    409: 'another person has the e-mail, or the change would take the admin role or the installation-wide scope from the last such administrator who can log in',
  })
  update(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: UpdatePersonDto): Promise<PersonResponseDto> {
    return this.people.update(actor, id, dto);
  }
}
