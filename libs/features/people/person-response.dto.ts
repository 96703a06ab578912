import { ApiProperty } from '@nestjs/swagger';
import { GLOBAL_ROLES, type GlobalRole } from '@app/core';
import { type Person } from './person.entity.js';

/** A person as members of a committee list them. */
export class PersonSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Birgit Jakobsen' })
  name: string;

  @ApiProperty({ example: 'bija@hedensted.dk' })
  email: string;

  @ApiProperty({ type: String, nullable: true, example: 'KD' })
  party: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Byrådsmedlem' })
  title: string | null;

  static from(person: Person): PersonSummaryDto {
    return { id: person.id, name: person.name, email: person.email, party: person.party, title: person.title };
  }
}

/** A person as anyone logged in sees them: no global roles and no login status, which only administrators see. */
export class PersonDto extends PersonSummaryDto {
  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;

  static override from(person: Person): PersonDto {
    return { ...PersonSummaryDto.from(person), createdAt: person.createdAt, updatedAt: person.updatedAt };
  }
}

/** A person as an administrator sees them; the password hash never leaves the server, only whether there is one. */
export class PersonResponseDto extends PersonDto {
  @ApiProperty({ enum: GLOBAL_ROLES, isArray: true, example: ['director'], description: 'Global roles; shown to administrators only' })
  roles: GlobalRole[];

  @ApiProperty({ description: 'Whether the person can log in; shown to administrators only' })
  hasLogin: boolean;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The bodies the person acts for as director or admin, in id order; shown to administrators only' })
  bodyIds: string[];

  /** `person` must have been loaded with its passwordHash (PersonService does), or hasLogin reads false. */
  static fromWithBodies(person: Person, bodyIds: string[]): PersonResponseDto {
    const { id, name, email, party, title, createdAt, updatedAt } = PersonDto.from(person);
    return { id, name, email, party, title, roles: person.roles, hasLogin: person.passwordHash != null, bodyIds, createdAt, updatedAt };
  }
}
