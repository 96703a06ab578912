import type { Actor } from '@app/core';
import { DomainError } from '@app/domain';
import { AccessService, globalRolesIn } from '../access.service.js';

const HEDENSTED = 'b-hedensted';
const REGION = 'b-region';
const SOCIAL = 'c-social-omsorg';
const HEALTH = 'c-lighed-i-sundhed';

/** A person as the auth guard reads them: `bodyIds` with the committees of those bodies. */
function actor(roles: Actor['roles'], bodyIds: string[] = [], seats: Actor['seats'] = []): Actor {
  const committeesOf: Record<string, string[]> = { [HEDENSTED]: [SOCIAL], [REGION]: [HEALTH] };
  return { personId: 'p', email: 'p@example.dk', roles, seats, bodyIds, bodyCommitteeIds: bodyIds.flatMap((body) => committeesOf[body]) };
}

const refusal = (check: () => void) => {
  try {
    check();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.kind : error;
  }
};

describe('access within bodies', () => {
  const access = new AccessService();

  it.each([
    ['a director of the body', actor(['director'], [HEDENSTED]), SOCIAL, ['director']],
    ["a director of another body", actor(['director'], [REGION]), SOCIAL, []],
    ['a director of no body', actor(['director']), SOCIAL, []],
    ['the installation’s administrator', actor(['admin']), SOCIAL, ['admin']],
    ['an administrator of the body', actor(['admin'], [HEDENSTED]), SOCIAL, ['admin']],
    ['an administrator of another body', actor(['admin'], [REGION]), SOCIAL, []],
    ['an administrator of the whole installation who is a director of no body', actor(['admin', 'director']), SOCIAL, ['admin']],
    ['an administrator and director of both bodies', actor(['admin', 'director'], [HEDENSTED, REGION]), HEALTH, ['admin', 'director']],
  ])('%s: these global roles count in the committee', (_who, person, committee, roles) => {
    expect(globalRolesIn(person, committee)).toEqual(roles);
  });

  it('lets a director of another body read only where they hold a seat', () => {
    expect(refusal(() => access.assertCommitteeReader(actor(['director'], [REGION]), SOCIAL))).toBe('forbidden');
    expect(refusal(() => access.assertCommitteeReader(actor(['director'], [REGION], [{ committeeId: SOCIAL, role: 'administration' }]), SOCIAL))).toBeNull();
    expect(refusal(() => access.assertCommitteeReader(actor(['director'], [HEDENSTED]), SOCIAL))).toBeNull();
  });

  it('keeps the installation-wide things for administrators without bodies', () => {
    expect(refusal(() => access.assertInstallationAdmin(actor(['admin'])))).toBeNull();
    expect(refusal(() => access.assertInstallationAdmin(actor(['admin'], [HEDENSTED])))).toBe('forbidden');
    expect(refusal(() => access.assertBodyAdmin(actor(['admin'], [HEDENSTED]), HEDENSTED))).toBeNull();
    expect(refusal(() => access.assertBodyAdmin(actor(['admin'], [HEDENSTED]), REGION))).toBe('forbidden');
    expect(refusal(() => access.assertBodyAdmin(actor(['director'], [HEDENSTED]), HEDENSTED))).toBe('forbidden');
    expect(refusal(() => access.assertCommitteeSecretary(actor(['admin'], [REGION]), SOCIAL))).toBe('forbidden');
    expect(refusal(() => access.assertCommitteeChairOrSecretary(actor(['admin'], [HEDENSTED]), SOCIAL))).toBeNull();
  });
});
