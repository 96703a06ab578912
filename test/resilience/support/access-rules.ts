import { randomUUID } from 'node:crypto';
import type { ActorName, CommitteeWorld } from './committee-world.js';

/**
 * Who may call each endpoint, written down from API.md ("Who may do what", and "No login: /api/public/*,
 * /api/health, /api/docs*, /api/auth/login") and the README's table of roles. Keyed by the endpoint's shape
 * (`METHOD /api/path/{}`) as the OpenAPI document lists it: an endpoint without a rule fails the access matrix, so
 * a new endpoint gets its rule decided here rather than slipping through untested.
 */
const EVERYONE: readonly ActorName[] = ['anonymous', 'member', 'other-secretary', 'other-director', 'other-body-admin', 'director', 'chair', 'secretary', 'body-admin', 'admin'];
/** Bodies, committees, people and memberships are public facts of the municipality, for anyone logged in. */
const LOGGED_IN: readonly ActorName[] = ['member', 'other-secretary', 'other-director', 'other-body-admin', 'director', 'chair', 'secretary', 'body-admin', 'admin'];
/**
 * The committee's members (chair and secretary included), the directors and administrators of its body, and the
 * installation's administrators; a director or an administrator of another body is an outsider here.
 */
const READERS: readonly ActorName[] = ['member', 'director', 'chair', 'secretary', 'body-admin', 'admin'];
/** The committee's secretary, and administrators of its body or of the installation. */
const SECRETARY: readonly ActorName[] = ['secretary', 'body-admin', 'admin'];
const CHAIR_OR_SECRETARY: readonly ActorName[] = ['chair', 'secretary', 'body-admin', 'admin'];
const DIRECTOR: readonly ActorName[] = ['director', 'body-admin', 'admin'];
/** What belongs to the body: its administrators, and the installation's. */
const BODY_ADMIN: readonly ActorName[] = ['body-admin', 'admin'];
/** Any administrator makes people; one of some bodies makes people of those bodies. */
const ANY_ADMIN: readonly ActorName[] = ['other-body-admin', 'body-admin', 'admin'];
/** The body's strategic aims: its administrators, and the secretary of any of its committees. */
const AIM_KEEPERS: readonly ActorName[] = ['other-secretary', 'secretary', 'body-admin', 'admin'];
/** What concerns the whole installation (new bodies, the audit trail): administrators without bodies. */
const ADMIN: readonly ActorName[] = ['admin'];

export interface AccessCase {
  /** Who gets an answer other than 401 or 403. */
  allowed: readonly ActorName[];
  /** A valid body: validation runs before the access check, so a bad one would answer 400 instead of 403. */
  body?: (world: CommitteeWorld) => unknown;
  /** Names the case when an endpoint has several (one per workflow event). */
  label?: string;
  /** The call ends the caller's session (logout), so each caller makes it with a session of its own. */
  endsSession?: boolean;
}

const item = { title: 'Nyt punkt', startTime: '10:00', endTime: '10:15' };

export const ACCESS_RULES: Record<string, readonly AccessCase[]> = {
  'GET /api/health': [{ allowed: EVERYONE }],
  'POST /api/auth/login': [{ allowed: EVERYONE, body: (w) => ({ email: w.committee.members[0].email, password: 'fixture-password-123' }) }],
  'GET /api/auth/me': [{ allowed: LOGGED_IN }],
  'GET /api/me/meetings': [{ allowed: LOGGED_IN }],
  'GET /api/me/committees': [{ allowed: LOGGED_IN }],
  // One's own calendar address: made, renewed and ended by whoever is logged in, for themselves only.
  'GET /api/me/calendar-feed': [{ allowed: LOGGED_IN }],
  'POST /api/me/calendar-feed': [{ allowed: LOGGED_IN }],
  'DELETE /api/me/calendar-feed': [{ allowed: LOGGED_IN }],
  // The secret address is the credential itself: no login (an address nobody has answers 404 to all).
  'GET /api/calendar/{}': [{ allowed: EVERYONE }],
  'GET /api/auth/session': [{ allowed: LOGGED_IN }],
  'POST /api/auth/logout': [{ allowed: LOGGED_IN, endsSession: true }],
  // A wrong current password: 400 for whoever is logged in, and nobody's password changes.
  'PUT /api/auth/password': [{ allowed: LOGGED_IN, body: () => ({ currentPassword: 'not the password', newPassword: 'korrekt hest batteri hæfteklamme' }) }],
  'POST /api/auth/password-reset': [{ allowed: EVERYONE, body: () => ({ email: 'ingen@matrix.example.dk' }) }],
  'POST /api/auth/password-reset/confirm': [{ allowed: EVERYONE, body: () => ({ token: 'a-token-nobody-was-sent', password: 'korrekt hest batteri hæfteklamme' }) }],
  // Single sign-on needs no login (without OIDC_ISSUER both answer 404).
  'GET /api/auth/oidc': [{ allowed: EVERYONE }],
  'GET /api/auth/oidc/login': [{ allowed: EVERYONE }],
  'GET /api/auth/oidc/callback': [{ allowed: EVERYONE }],
  'DELETE /api/people/{}/sessions': [{ allowed: ADMIN }],
  'DELETE /api/people/{}/login': [{ allowed: ADMIN }],
  'GET /api/audit': [{ allowed: ADMIN }],
  'GET /api/workflows': [{ allowed: LOGGED_IN }],
  'GET /api/workflows/{}': [{ allowed: LOGGED_IN }],

  'POST /api/people': [{ allowed: ANY_ADMIN, body: () => ({ name: 'Ny Person', email: `${randomUUID().slice(0, 8)}@matrix.example.dk` }) }],
  'GET /api/people': [{ allowed: LOGGED_IN }],
  'GET /api/people/{}': [{ allowed: LOGGED_IN }],
  'PATCH /api/people/{}': [{ allowed: BODY_ADMIN, body: () => ({ title: 'Afdelingschef' }) }],
  'POST /api/bodies': [{ allowed: ADMIN, body: () => ({ name: 'Region Midtjylland', kind: 'region' }) }],
  'GET /api/bodies': [{ allowed: LOGGED_IN }],
  'GET /api/bodies/{}': [{ allowed: LOGGED_IN }],
  'PATCH /api/bodies/{}': [{ allowed: BODY_ADMIN, body: () => ({ name: 'Hedensted Kommune' }) }],
  // The red thread: the aims and what serves them are read by anyone logged in (phases and items only where one may read).
  'GET /api/bodies/{}/aims': [{ allowed: LOGGED_IN }],
  'POST /api/bodies/{}/aims': [{ allowed: AIM_KEEPERS, body: () => ({ title: `Sigtepunkt ${randomUUID().slice(0, 8)}` }) }],
  'PATCH /api/bodies/{}/aims/{}': [{ allowed: AIM_KEEPERS, body: () => ({ description: 'Uddybning' }) }],
  'DELETE /api/bodies/{}/aims/{}': [{ allowed: AIM_KEEPERS }],
  'GET /api/bodies/{}/strategy': [{ allowed: LOGGED_IN }],
  'GET /api/committees/{}/aims': [{ allowed: LOGGED_IN }],
  'PUT /api/committees/{}/aims': [{ allowed: SECRETARY, body: () => ({ aimIds: [] }) }],
  'GET /api/phases/{}/aims': [{ allowed: READERS }],
  'PUT /api/phases/{}/aims': [{ allowed: SECRETARY, body: () => ({ aimIds: [] }) }],
  'GET /api/items/{}/aims': [{ allowed: READERS }],
  'PUT /api/items/{}/aims': [{ allowed: SECRETARY, body: () => ({ aimIds: [] }) }],
  'POST /api/committees': [{ allowed: BODY_ADMIN, body: (w) => ({ bodyId: w.ids.body, name: 'Økonomiudvalget', kind: 'finance', mandateStart: '2024-01-01' }) }],
  'GET /api/committees': [{ allowed: LOGGED_IN }],
  'GET /api/committees/{}': [{ allowed: LOGGED_IN }],
  'PATCH /api/committees/{}': [{ allowed: BODY_ADMIN, body: () => ({ name: 'Børne- og Ungeudvalget' }) }],
  'POST /api/committees/{}/members': [{ allowed: SECRETARY, body: (w) => ({ personId: w.ids.person, role: 'external' }) }],
  'GET /api/committees/{}/members': [{ allowed: LOGGED_IN }],
  'PATCH /api/committees/{}/members/{}': [{ allowed: SECRETARY, body: () => ({ endDate: '2030-12-31' }) }],
  'DELETE /api/committees/{}/members/{}': [{ allowed: SECRETARY }],
  'POST /api/committees/{}/members/{}/substitutes': [{ allowed: SECRETARY, body: (w) => ({ personId: w.ids.person }) }],
  'PUT /api/committees/{}/members/{}/substitutes': [{ allowed: SECRETARY, body: () => ({ personIds: [] }) }],
  'DELETE /api/committees/{}/members/{}/substitutes/{}': [{ allowed: SECRETARY }],
  // Which committees a committee takes referred cases from is the receiving committee's to decide.
  'GET /api/committees/{}/referral-sources': [{ allowed: LOGGED_IN }],
  'PUT /api/committees/{}/referral-sources/{}': [{ allowed: SECRETARY }],
  'DELETE /api/committees/{}/referral-sources/{}': [{ allowed: SECRETARY }],

  'POST /api/committees/{}/commissions': [{ allowed: SECRETARY, body: () => ({ title: 'Kommissorium', purpose: 'Formål' }) }],
  'GET /api/committees/{}/commissions': [{ allowed: READERS }],
  'GET /api/commissions/{}': [{ allowed: READERS }],
  'PATCH /api/commissions/{}': [{ allowed: SECRETARY, body: () => ({ purpose: 'Et skarpere formål' }) }],
  'GET /api/commissions/{}/transitions': [{ allowed: READERS }],
  'POST /api/commissions/{}/transitions': [
    { label: 'submit', allowed: SECRETARY, body: () => ({ event: 'submit' }) },
    { label: 'approve', allowed: DIRECTOR, body: () => ({ event: 'approve' }) },
  ],
  'GET /api/commissions/{}/history': [{ allowed: READERS }],

  'POST /api/committees/{}/phases': [{ allowed: SECRETARY, body: () => ({ title: 'Anbefalinger', fromQuarter: '2027-Q3', toQuarter: '2027-Q4' }) }],
  'GET /api/committees/{}/phases': [{ allowed: READERS }],
  'GET /api/phases/{}': [{ allowed: READERS }],
  'PATCH /api/phases/{}': [{ allowed: SECRETARY, body: () => ({ description: 'Afdækning af behov' }) }],
  'GET /api/phases/{}/transitions': [{ allowed: READERS }],
  'POST /api/phases/{}/transitions': [{ allowed: SECRETARY, body: () => ({ event: 'start' }) }],
  'GET /api/phases/{}/history': [{ allowed: READERS }],
  'GET /api/phases/{}/participants': [{ allowed: READERS }],
  'POST /api/phases/{}/participants': [{ allowed: SECRETARY, body: (w) => ({ personId: w.ids.person }) }],
  'DELETE /api/phases/{}/participants/{}': [{ allowed: SECRETARY }],
  'GET /api/committees/{}/process-plan.svg': [{ allowed: READERS }],

  'POST /api/committees/{}/meetings': [{ allowed: SECRETARY, body: () => ({ startsAt: '2027-06-07T09:00:00+02:00', location: 'Rådhuset' }) }],
  'GET /api/committees/{}/meetings': [{ allowed: READERS }],
  'GET /api/meetings/{}': [{ allowed: READERS }],
  'PATCH /api/meetings/{}': [{ allowed: SECRETARY, body: () => ({ location: 'Rådhuset, mødelokale 3' }) }],
  'GET /api/meetings/{}/transitions': [{ allowed: READERS }],
  'POST /api/meetings/{}/transitions': [{ allowed: CHAIR_OR_SECRETARY, body: () => ({ event: 'publish' }) }],
  'GET /api/meetings/{}/history': [{ allowed: READERS }],
  // The path names the member: a member may report their own absence, the secretary anyone's.
  'PUT /api/meetings/{}/attendance/{}': [{ allowed: ['member', 'secretary', 'body-admin', 'admin'], body: () => ({ status: 'absent' }) }],
  'DELETE /api/meetings/{}/attendance/{}/absence': [{ allowed: ['member', 'secretary', 'body-admin', 'admin'] }],
  'GET /api/meetings/{}/substitutes': [{ allowed: SECRETARY }],
  'POST /api/meetings/{}/substitutes': [{ allowed: SECRETARY, body: (w) => ({ forPersonId: w.committee.members[0].id }) }],
  'DELETE /api/meetings/{}/substitutes/{}': [{ allowed: SECRETARY }],
  'GET /api/meetings/{}/deliveries': [{ allowed: SECRETARY }],
  // A sent e-mail: the secretary and admin get 409 (only a failed one is sent again), everyone else 403.
  'POST /api/deliveries/{}/resend': [{ allowed: SECRETARY }],
  'GET /api/meetings/{}/invite.ics': [{ allowed: READERS }],
  'GET /api/meetings/{}/agenda.pdf': [{ allowed: READERS }],
  'POST /api/meetings/{}/items': [{ allowed: SECRETARY, body: () => item }],
  'DELETE /api/meetings/{}/items/{}': [{ allowed: SECRETARY }],
  'POST /api/meetings/{}/items/recurring': [{ allowed: SECRETARY, body: () => ({ kinds: ['any-other-business'] }) }],
  'GET /api/items/{}': [{ allowed: READERS }],
  'PATCH /api/items/{}': [{ allowed: SECRETARY, body: () => ({ summary: 'Opdateret resume' }) }],
  'GET /api/items/{}/transitions': [{ allowed: READERS }],
  'POST /api/items/{}/transitions': [{ allowed: SECRETARY, body: () => ({ event: 'reopen' }) }],
  'GET /api/items/{}/history': [{ allowed: READERS }],
  // Where the item's case may go on to: for its committee's secretary, who refers it.
  'GET /api/items/{}/referral-targets': [{ allowed: SECRETARY }],
  // Proposals referred to a meeting are for its committee's secretary to accept or decline, never its members.
  'GET /api/meetings/{}/referrals': [{ allowed: SECRETARY }],
  'POST /api/meetings/{}/referrals/{}/accept': [{ allowed: SECRETARY }],
  'POST /api/meetings/{}/referrals/{}/decline': [{ allowed: SECRETARY, body: () => ({ reason: 'Sagen hører ikke under udvalget.' }) }],
  // Kommissorier waiting for the deciding committee's meeting are that committee's secretary's to put on its agenda.
  'GET /api/meetings/{}/commissions': [{ allowed: SECRETARY }],
  'POST /api/meetings/{}/commissions/{}': [{ allowed: SECRETARY }],
  'GET /api/items/{}/referrals': [{ allowed: READERS }],
  'POST /api/items/{}/referrals': [{ allowed: SECRETARY, body: (w) => ({ toMeetingId: w.ids.meeting }) }],
  'POST /api/items/{}/attachments': [{ allowed: SECRETARY }],
  'GET /api/items/{}/attachments': [{ allowed: READERS }],
  'GET /api/attachments/{}/content': [{ allowed: READERS }],
  'DELETE /api/attachments/{}': [{ allowed: SECRETARY }],
  'POST /api/items/{}/notes': [{ allowed: SECRETARY, body: (w) => ({ personId: w.committee.members[0].id, kind: 'dissent', text: 'Stemte imod' }) }],
  'DELETE /api/items/{}/notes/{}': [{ allowed: SECRETARY }],
  'PUT /api/items/{}/votes': [{ allowed: SECRETARY, body: (w) => ({ votes: [{ personId: w.committee.members[0].id, vote: 'for' }] }) }],
  // A case's route across committees is for anyone logged in; only the committee's readers get the texts.
  'GET /api/cases/{}': [{ allowed: LOGGED_IN }],

  'POST /api/meetings/{}/minutes': [{ allowed: SECRETARY }],
  'GET /api/meetings/{}/minutes': [{ allowed: READERS }],
  'GET /api/meetings/{}/minutes.html': [{ allowed: READERS }],
  'GET /api/meetings/{}/minutes.pdf': [{ allowed: READERS }],
  'GET /api/meetings/{}/minutes.md': [{ allowed: READERS }],
  'GET /api/meetings/{}/minutes/transitions': [{ allowed: READERS }],
  // The chair approves the draft (API.md: "approve the agenda and sign the minutes"; the minutes workflow).
  'POST /api/meetings/{}/minutes/transitions': [{ allowed: ['chair', 'body-admin', 'admin'], body: () => ({ event: 'approve' }) }],
  'GET /api/meetings/{}/minutes/history': [{ allowed: READERS }],
  'POST /api/meetings/{}/minutes/addenda': [{ allowed: SECRETARY, body: () => ({ text: 'Rettelse til punkt 1' }) }],
  'GET /api/meetings/{}/minutes/addenda/{}/tillaeg.pdf': [{ allowed: READERS }],

  'GET /api/public/committees': [{ allowed: EVERYONE }],
  'GET /api/public/committees/{}/calendar.ics': [{ allowed: EVERYONE }],
  'GET /api/public/meetings': [{ allowed: EVERYONE }],
  'GET /api/public/meetings/{}': [{ allowed: EVERYONE }],
  'GET /api/public/attachments/{}/content': [{ allowed: EVERYONE }],
  'GET /api/public/meetings/{}/minutes.html': [{ allowed: EVERYONE }],
  'GET /api/public/meetings/{}/minutes.pdf': [{ allowed: EVERYONE }],
  'GET /api/public/meetings/{}/minutes/addenda': [{ allowed: EVERYONE }],
  'GET /api/public/meetings/{}/minutes/addenda/{}/tillaeg.pdf': [{ allowed: EVERYONE }],
  'GET /api/public/meetings/{}/agenda.pdf': [{ allowed: EVERYONE }],
  'GET /api/public/meetings/{}/minutes.md': [{ allowed: EVERYONE }],

  // OParl 1.1: open data, beside the API and without login.
  'GET /oparl/v1.1': [{ allowed: EVERYONE }],
  'GET /oparl/v1.1/body': [{ allowed: EVERYONE }],
  'GET /oparl/v1.1/body/{}': [{ allowed: EVERYONE }],
  'GET /oparl/v1.1/body/{}/organization': [{ allowed: EVERYONE }],
  'GET /oparl/v1.1/body/{}/person': [{ allowed: EVERYONE }],
  'GET /oparl/v1.1/body/{}/membership': [{ allowed: EVERYONE }],
  'GET /oparl/v1.1/body/{}/meeting': [{ allowed: EVERYONE }],
  'GET /oparl/v1.1/body/{}/agendaItem': [{ allowed: EVERYONE }],
  'GET /oparl/v1.1/body/{}/paper': [{ allowed: EVERYONE }],
  'GET /oparl/v1.1/body/{}/file': [{ allowed: EVERYONE }],
  'GET /oparl/v1.1/file/{}/{}': [{ allowed: EVERYONE }],
  'GET /oparl/v1.1/legislativeTerm/{}': [{ allowed: EVERYONE }],
  'GET /oparl/v1.1/organization/{}': [{ allowed: EVERYONE }],
  'GET /oparl/v1.1/organization/{}/meeting': [{ allowed: EVERYONE }],
  'GET /oparl/v1.1/person/{}': [{ allowed: EVERYONE }],
  'GET /oparl/v1.1/membership/{}': [{ allowed: EVERYONE }],
  'GET /oparl/v1.1/meeting/{}': [{ allowed: EVERYONE }],
  'GET /oparl/v1.1/meeting/{}/location': [{ allowed: EVERYONE }],
  'GET /oparl/v1.1/agendaItem/{}': [{ allowed: EVERYONE }],
  'GET /oparl/v1.1/consultation/{}': [{ allowed: EVERYONE }],
  'GET /oparl/v1.1/paper/{}': [{ allowed: EVERYONE }],
};
