import { describe, expect, it } from 'vitest';
import { isAdminOf, managesCommittee } from './committees';

const seat = (personId: string, role: 'secretary' | 'chair') => ({ role, person: { id: personId } }) as never;
const committee = { bodyId: 'hedensted', members: [seat('sanne', 'secretary'), seat('birgit', 'chair')] };

describe('who manages a committee in the workspace', () => {
  it('is its secretary today, not its chair', () => {
    expect(managesCommittee({ id: 'sanne', roles: [], bodyIds: [] }, committee)).toBe(true);
    expect(managesCommittee({ id: 'birgit', roles: [], bodyIds: [] }, committee)).toBe(false);
  });

  it('is an administrator of the whole installation or of the committee’s body, never of another body', () => {
    expect(managesCommittee({ id: 'a', roles: ['admin'], bodyIds: [] }, committee)).toBe(true);
    expect(managesCommittee({ id: 'a', roles: ['admin'], bodyIds: ['hedensted'] }, committee)).toBe(true);
    expect(managesCommittee({ id: 'a', roles: ['admin'], bodyIds: ['hilleroed'] }, committee)).toBe(false);
    expect(managesCommittee({ id: 'd', roles: ['director'], bodyIds: ['hedensted'] }, committee)).toBe(false);
    expect(isAdminOf({ roles: ['admin'], bodyIds: ['hilleroed'] })).toBe(true);
  });

  it('is nobody while the session or the committee is not read yet', () => {
    expect(managesCommittee(undefined, committee)).toBe(false);
    expect(managesCommittee({ id: 'sanne', roles: [], bodyIds: [] }, null)).toBe(false);
  });
});
