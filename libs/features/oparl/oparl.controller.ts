import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/access';
import { ErrorResponseDto, UuidParam } from '@app/core';
import { OparlListQueryDto } from './oparl-list-query.dto.js';
import { OPARL_PATH, type OparlListPage, OparlService } from './oparl.service.js';

type OparlObject = Awaited<ReturnType<OparlService['system']>>;

const OBJECT = { description: 'The OParl 1.1 object (https://schema.oparl.org/1.1/)', schema: { type: 'object', additionalProperties: true } } as const;
const LIST = {
  description: 'A page of the external list: `data`, `pagination`, `links` (`next` on every page but the last)',
  schema: { type: 'object', properties: { data: { type: 'array', items: { type: 'object', additionalProperties: true } }, pagination: { type: 'object' }, links: { type: 'object' } } },
} as const;

/**
 * OParl 1.1, the open-data standard for council information systems, without login: the entry point (System) at
 * /oparl/v1.1, every object at its own URL, the lists paged. `Access-Control-Allow-Origin: *` as OParl requires,
 * so web applications elsewhere may read it.
 */
@ApiTags('oparl')
@Public()
@Controller(OPARL_PATH.slice(1))
export class OparlController {
  constructor(private readonly oparl: OparlService) {}

  @Get()
  @Header('Access-Control-Allow-Origin', '*')
  @ApiOperation({ summary: 'OParl 1.1 entry point (System); no login', description: 'Open data of the public agendas, committees and their politicians, by the OParl 1.1 specification.' })
  @ApiOkResponse(OBJECT)
  system(): OparlObject {
    return this.oparl.system();
  }

  @Get('body')
  @Header('Access-Control-Allow-Origin', '*')
  @ApiOperation({ summary: 'OParl: the bodies (municipalities, regions)' })
  @ApiOkResponse(LIST)
  @ApiBadRequestResponse({ description: 'a malformed filter or cursor', type: ErrorResponseDto })
  bodies(@Query() query: OparlListQueryDto): Promise<OparlListPage> {
    return this.oparl.bodies(query);
  }

  @Get('body/:id')
  @Header('Access-Control-Allow-Origin', '*')
  @ApiOperation({ summary: 'OParl: a body' })
  @ApiOkResponse(OBJECT)
  @ApiNotFoundResponse({ description: 'no such body', type: ErrorResponseDto })
  body(@UuidParam('id') id: string): Promise<OparlObject> {
    return this.oparl.body(id);
  }

  @Get('body/:id/organization')
  @Header('Access-Control-Allow-Origin', '*')
  @ApiOperation({ summary: 'OParl: the committees of a body' })
  @ApiOkResponse(LIST)
  @ApiBadRequestResponse({ description: 'a malformed filter or cursor', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: 'no such body', type: ErrorResponseDto })
  organizations(@UuidParam('id') id: string, @Query() query: OparlListQueryDto): Promise<OparlListPage> {
    return this.oparl.organizations(id, query);
  }

  @Get('body/:id/person')
  @Header('Access-Control-Allow-Origin', '*')
  @ApiOperation({ summary: 'OParl: the politicians and external members seated in the committees of a body' })
  @ApiOkResponse(LIST)
  @ApiBadRequestResponse({ description: 'a malformed filter or cursor', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: 'no such body', type: ErrorResponseDto })
  people(@UuidParam('id') id: string, @Query() query: OparlListQueryDto): Promise<OparlListPage> {
    return this.oparl.people(id, query);
  }

  @Get('body/:id/membership')
  @Header('Access-Control-Allow-Origin', '*')
  @ApiOperation({ summary: 'OParl: the public seats in the committees of a body' })
  @ApiOkResponse(LIST)
  @ApiBadRequestResponse({ description: 'a malformed filter or cursor', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: 'no such body', type: ErrorResponseDto })
  memberships(@UuidParam('id') id: string, @Query() query: OparlListQueryDto): Promise<OparlListPage> {
    return this.oparl.memberships(id, query);
  }

  @Get('body/:id/meeting')
  @Header('Access-Control-Allow-Origin', '*')
  @ApiOperation({ summary: 'OParl: the meetings of a body whose agenda was sent, with their agendas' })
  @ApiOkResponse(LIST)
  @ApiBadRequestResponse({ description: 'a malformed filter or cursor', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: 'no such body', type: ErrorResponseDto })
  meetings(@UuidParam('id') id: string, @Query() query: OparlListQueryDto): Promise<OparlListPage> {
    return this.oparl.meetings(id, query);
  }

  @Get('body/:id/agendaItem')
  @Header('Access-Control-Allow-Origin', '*')
  @ApiOperation({ summary: 'OParl: the agenda items of the sent agendas of a body; closed ones as "Lukket punkt: <public title>", without text' })
  @ApiOkResponse(LIST)
  @ApiBadRequestResponse({ description: 'a malformed filter or cursor', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: 'no such body', type: ErrorResponseDto })
  agendaItems(@UuidParam('id') id: string, @Query() query: OparlListQueryDto): Promise<OparlListPage> {
    return this.oparl.agendaItems(id, query);
  }

  @Get('body/:id/paper')
  @Header('Access-Control-Allow-Origin', '*')
  @ApiOperation({ summary: 'OParl: the cases (by case number) on the open items of a body’s sent agendas' })
  @ApiOkResponse(LIST)
  @ApiBadRequestResponse({ description: 'a malformed filter or cursor', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: 'no such body', type: ErrorResponseDto })
  papers(@UuidParam('id') id: string, @Query() query: OparlListQueryDto): Promise<OparlListPage> {
    return this.oparl.papers(id, query);
  }

  @Get('body/:id/file')
  @Header('Access-Control-Allow-Origin', '*')
  @ApiOperation({ summary: 'OParl: the public files of a body: agenda PDFs, published minutes PDFs, Bilag of open items' })
  @ApiOkResponse(LIST)
  @ApiBadRequestResponse({ description: 'a malformed filter or cursor', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: 'no such body', type: ErrorResponseDto })
  files(@UuidParam('id') id: string, @Query() query: OparlListQueryDto): Promise<OparlListPage> {
    return this.oparl.files(id, query);
  }

  @Get('file/:kind/:id')
  @Header('Access-Control-Allow-Origin', '*')
  @ApiOperation({
    summary: 'OParl: a file (kind agenda or minutes: the meeting’s public PDF; attachment: a Bilag of an open item), with its meeting, item and paper',
    description: 'One removed or depublished after it was public answers as deleted. `accessUrl` shows the bytes inline, `downloadUrl` answers them as a download.',
  })
  @ApiOkResponse(OBJECT)
  @ApiNotFoundResponse({ description: 'no public file of the kind has the id (file_not_found)', type: ErrorResponseDto })
  file(@Param('kind') kind: string, @UuidParam('id') id: string): Promise<OparlObject> {
    return this.oparl.file(kind, id);
  }

  @Get('legislativeTerm/:id')
  @Header('Access-Control-Allow-Origin', '*')
  @ApiOperation({ summary: 'OParl: a body’s election term' })
  @ApiOkResponse(OBJECT)
  @ApiNotFoundResponse({ description: 'no such body, or it has no election term', type: ErrorResponseDto })
  legislativeTerm(@UuidParam('id') id: string): Promise<OparlObject> {
    return this.oparl.legislativeTerm(id);
  }

  @Get('organization/:id')
  @Header('Access-Control-Allow-Origin', '*')
  @ApiOperation({ summary: 'OParl: a committee' })
  @ApiOkResponse(OBJECT)
  @ApiNotFoundResponse({ description: 'no such committee', type: ErrorResponseDto })
  organization(@UuidParam('id') id: string): Promise<OparlObject> {
    return this.oparl.organization(id);
  }

  @Get('organization/:id/meeting')
  @Header('Access-Control-Allow-Origin', '*')
  @ApiOperation({ summary: 'OParl: a committee’s meetings whose agenda was sent' })
  @ApiOkResponse(LIST)
  @ApiBadRequestResponse({ description: 'a malformed filter or cursor', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: 'no such committee', type: ErrorResponseDto })
  organizationMeetings(@UuidParam('id') id: string, @Query() query: OparlListQueryDto): Promise<OparlListPage> {
    return this.oparl.organizationMeetings(id, query);
  }

  @Get('person/:id')
  @Header('Access-Control-Allow-Origin', '*')
  @ApiOperation({ summary: 'OParl: a politician or external member (name, party, seats; never an e-mail address)' })
  @ApiOkResponse(OBJECT)
  @ApiNotFoundResponse({ description: 'no such person with a public seat', type: ErrorResponseDto })
  person(@UuidParam('id') id: string): Promise<OparlObject> {
    return this.oparl.person(id);
  }

  @Get('membership/:id')
  @Header('Access-Control-Allow-Origin', '*')
  @ApiOperation({ summary: 'OParl: a public seat' })
  @ApiOkResponse(OBJECT)
  @ApiNotFoundResponse({ description: 'no such public seat', type: ErrorResponseDto })
  membership(@UuidParam('id') id: string): Promise<OparlObject> {
    return this.oparl.membership(id);
  }

  @Get('meeting/:id')
  @Header('Access-Control-Allow-Origin', '*')
  @ApiOperation({ summary: 'OParl: a meeting whose agenda was sent; one cancelled since answers as deleted' })
  @ApiOkResponse(OBJECT)
  @ApiNotFoundResponse({ description: 'no such meeting, or its agenda was never sent', type: ErrorResponseDto })
  meeting(@UuidParam('id') id: string): Promise<OparlObject> {
    return this.oparl.meeting(id);
  }

  @Get('meeting/:id/location')
  @Header('Access-Control-Allow-Origin', '*')
  @ApiOperation({ summary: 'OParl: where a meeting is held' })
  @ApiOkResponse(OBJECT)
  @ApiNotFoundResponse({ description: 'no such public meeting, or it names no place', type: ErrorResponseDto })
  location(@UuidParam('id') id: string): Promise<OparlObject> {
    return this.oparl.location(id);
  }

  @Get('agendaItem/:id')
  @Header('Access-Control-Allow-Origin', '*')
  @ApiOperation({ summary: 'OParl: an agenda item; a closed one with `public: false`, "Lukket punkt: <public title>" and no text' })
  @ApiOkResponse(OBJECT)
  @ApiNotFoundResponse({ description: 'no such item on a sent agenda', type: ErrorResponseDto })
  agendaItem(@UuidParam('id') id: string): Promise<OparlObject> {
    return this.oparl.agendaItem(id);
  }

  @Get('consultation/:id')
  @Header('Access-Control-Allow-Origin', '*')
  @ApiOperation({ summary: 'OParl: a committee’s handling of a case (an open item with its case number)' })
  @ApiOkResponse(OBJECT)
  @ApiNotFoundResponse({ description: 'no such open item with a case number on a public agenda', type: ErrorResponseDto })
  consultation(@UuidParam('id') id: string): Promise<OparlObject> {
    return this.oparl.consultation(id);
  }

  @Get('paper/:reference')
  @Header('Access-Control-Allow-Origin', '*')
  @ApiOperation({ summary: 'OParl: a case by its case number, with each committee’s handling of it' })
  @ApiOkResponse(OBJECT)
  @ApiNotFoundResponse({ description: 'no open item on a public agenda has this case number', type: ErrorResponseDto })
  paper(@Param('reference') reference: string): Promise<OparlObject> {
    return this.oparl.paper(reference);
  }
}
