import { randomUUID } from 'node:crypto';
import { ADMIN, type ApiClient, type CommitteeFixture, FIXTURE_PASSWORD, Fixtures, type LoggedIn } from '@app/test-kit';

/**
 * Everyone the access rules of API.md tell apart, from least to most privileged; `other-director` and
 * `other-body-admin` act for another body (a region), `body-admin` is an administrator of the committee's body only.
 */
export const ACTORS = ['anonymous', 'member', 'other-secretary', 'other-director', 'other-body-admin', 'director', 'chair', 'secretary', 'body-admin', 'admin'] as const;
export type ActorName = (typeof ACTORS)[number];

export interface CommitteeWorld {
  committee: CommitteeFixture;
  /** Secretary of another committee of the same municipality. */
  otherSecretary: LoggedIn;
  /** A director of the committee's body. */
  director: LoggedIn;
  /** A director and an administrator of another body (Region Midtjylland). */
  otherDirector: LoggedIn;
  otherBodyAdmin: LoggedIn;
  /** An administrator of the committee's body only. */
  bodyAdmin: LoggedIn;
  adminToken: string;
  /** Text put into every field of the closed items (and a closed item's Bilag) that no public output may show. */
  closedMarker: string;
  ids: {
    body: string;
    committee: string;
    otherCommittee: string;
    /** A person of the body without a seat, and a membership of the committee nobody's access depends on (to delete). */
    person: string;
    membership: string;
    commission: string;
    phase: string;
    /** A planned meeting with one ready item, for publishing. */
    meeting: string;
    /** An open and a closed item, both ready, of another planned meeting that stays planned. */
    item: string;
    closedItem: string;
    /** A meeting held today (open item 1, closed item 2), everyone present, whose minutes the secretary has asked for. */
    heldMeeting: string;
    /** A published meeting: open item 1, closed item 2 (with a Bilag), open item 3 (with a Bilag). */
    publishedMeeting: string;
    publishedItems: string[];
    publicAttachment: string;
    closedAttachment: string;
    caseNumber: string;
    /** An agenda e-mail of the published meeting, sent; null in a world without a worker. */
    delivery: string | null;
  };
}

export function tokenOf(world: CommitteeWorld, actor: ActorName): string | undefined {
  switch (actor) {
    case 'anonymous':
      return undefined;
    case 'member':
      return world.committee.members[0].token;
    case 'other-secretary':
      return world.otherSecretary.token;
    case 'other-director':
      return world.otherDirector.token;
    case 'other-body-admin':
      return world.otherBodyAdmin.token;
    case 'director':
      return world.director.token;
    case 'chair':
      return world.committee.chair.token;
    case 'secretary':
      return world.committee.secretary.token;
    case 'body-admin':
      return world.bodyAdmin.token;
    case 'admin':
      return world.adminToken;
  }
}

/** The e-mail and password an actor logs in with, for a session of its own (one the call under test may end). */
export function credentialsOf(world: CommitteeWorld, actor: Exclude<ActorName, 'anonymous'>): { email: string; password: string } {
  switch (actor) {
    case 'member':
      return { email: world.committee.members[0].email, password: FIXTURE_PASSWORD };
    case 'other-secretary':
      return { email: world.otherSecretary.email, password: FIXTURE_PASSWORD };
    case 'director':
      return { email: world.director.email, password: FIXTURE_PASSWORD };
    case 'chair':
      return { email: world.committee.chair.email, password: FIXTURE_PASSWORD };
    case 'secretary':
      return { email: world.committee.secretary.email, password: FIXTURE_PASSWORD };
    case 'other-director':
      return { email: world.otherDirector.email, password: FIXTURE_PASSWORD };
    case 'other-body-admin':
      return { email: world.otherBodyAdmin.email, password: FIXTURE_PASSWORD };
    case 'body-admin':
      return { email: world.bodyAdmin.email, password: FIXTURE_PASSWORD };
    case 'admin':
      return ADMIN;
  }
}

async function uploadText(api: ApiClient, token: string, itemId: string, name: string, content: string): Promise<string> {
  const upload = await api.upload(`/api/items/${itemId}/attachments`, { bytes: content, name, type: 'text/plain' }, { token });
  if (upload.status !== 201) throw new Error(`Uploading ${name}: ${upload.status} ${upload.text}`);
  return upload.body.id;
}

/**
 * A municipality with two committees and one of each resource, and a region beside it, built through the API.
 * `withWorker`: a worker runs, so the world waits for the published meeting's first agenda e-mail to be sent.
 */
export async function buildCommitteeWorld(api: ApiClient, adminToken: string, { withWorker = false } = {}): Promise<CommitteeWorld> {
  const closedMarker = `LUKKET-${randomUUID().slice(0, 8)}`;
  const fixtures = new Fixtures(api, adminToken);
  const { id: body } = await fixtures.body();
  const committee = await fixtures.staffedCommittee({ bodyId: body, name: 'Børne- og Ungeudvalget', memberCount: 2 });
  const other = await fixtures.staffedCommittee({ bodyId: body, name: 'Teknik- og Miljøudvalget', memberCount: 0 });
  const director = await fixtures.person({ name: 'Direktør Dorthe', roles: ['director'], bodyIds: [body], login: true });
  const bodyAdmin = await fixtures.person({ name: 'Administrator Hedensted', roles: ['admin'], bodyIds: [body], login: true });
  const { id: region } = await fixtures.body({ name: 'Region Midtjylland', kind: 'region' });
  await fixtures.staffedCommittee({ bodyId: region, name: 'Udvalg for lighed i sundhed', memberCount: 0 });
  const otherDirector = await fixtures.person({ name: 'Direktør Rasmus', roles: ['director'], bodyIds: [region], login: true });
  const otherBodyAdmin = await fixtures.person({ name: 'Administrator Region Midtjylland', roles: ['admin'], bodyIds: [region], login: true });
  const person = await fixtures.person({ name: 'Suppleant Svend', bodyIds: [body] });
  const { id: membership } = await fixtures.seat(committee.committeeId, person.id, 'member');
  const secretary = committee.secretary.token;
  const commission = await api.expect(201, 'POST', `/api/committees/${committee.committeeId}/commissions`, {
    token: secretary,
    body: { title: 'Kommissorium for Børne- og Ungeudvalget', purpose: 'Udvalget skal styrke indsatsen for børn og unge.' },
  });
  const phase = await api.expect(201, 'POST', `/api/committees/${committee.committeeId}/phases`, {
    token: secretary,
    body: { title: 'Afdækning', fromQuarter: '2027-Q1', toQuarter: '2027-Q2' },
  });
  const meetings = fixtures.meetings(committee.committeeId, secretary);
  const toPublish = await meetings.meetingWithReadyItems({ startsAt: '2027-05-10T09:00:00+02:00', itemCount: 1 });
  const planned = await meetings.meetingWithReadyItems({ startsAt: '2027-05-03T09:00:00+02:00', itemCount: 2, closedItems: [2], closedMarker });
  // Begun a little while ago, so it can be held now, within everyone's seat.
  const held = await meetings.heldMeeting({ startsAt: new Date(Date.now() - 10 * 60_000).toISOString(), itemCount: 2, closedItems: [2], closedMarker });
  // Those present sign the minutes; the substitute without a login sent word he could not come.
  for (const participant of [committee.chair, committee.secretary, ...committee.members]) await meetings.attendance(held.meetingId, participant.id, 'present');
  await meetings.attendance(held.meetingId, person.id, 'absent');
  await api.expect(202, 'POST', `/api/meetings/${held.meetingId}/minutes`, { token: secretary });
  const published = await meetings.meetingWithReadyItems({ startsAt: '2027-04-05T09:00:00+02:00', itemCount: 3, closedItems: [2], closedMarker });
  const closedAttachment = await uploadText(api, secretary, published.itemIds[1], `Personsag ${closedMarker}.txt`, `Fortroligt: ${closedMarker}`);
  const publicAttachment = await uploadText(api, secretary, published.itemIds[2], 'Statusnotat.txt', 'Status for indsatsen.');
  await meetings.publish(published.meetingId);
  const item = await api.expect(200, 'GET', `/api/items/${planned.itemIds[0]}`, { token: secretary });
  const delivery = withWorker ? await firstSentDelivery(api, secretary, published.meetingId) : null;
  return {
    committee,
    otherSecretary: other.secretary,
    director,
    otherDirector,
    otherBodyAdmin,
    bodyAdmin,
    adminToken,
    closedMarker,
    ids: {
      body,
      committee: committee.committeeId,
      otherCommittee: other.committeeId,
      person: person.id,
      membership,
      commission: commission.id,
      phase: phase.id,
      meeting: toPublish.meetingId,
      item: planned.itemIds[0],
      closedItem: planned.itemIds[1],
      heldMeeting: held.meetingId,
      publishedMeeting: published.meetingId,
      publishedItems: published.itemIds,
      publicAttachment,
      closedAttachment,
      caseNumber: item.caseNumber,
      delivery,
    },
  };
}

/** The first agenda e-mail of the meeting once the worker has sent it. */
async function firstSentDelivery(api: ApiClient, secretary: string, meetingId: string): Promise<string> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
    const deliveries = await api.expect<{ items: { id: string; status: string }[] }>(200, 'GET', `/api/meetings/${meetingId}/deliveries`, { token: secretary });
    const sent = deliveries.items.find((delivery) => delivery.status === 'sent');
    if (sent) return sent.id;
  }
  throw new Error(`No agenda e-mail of meeting ${meetingId} was sent within a minute`);
}

/** The resource each path segment names, for filling in `{id}`: the segment before the parameter decides. */
const RESOURCE_OF_SEGMENT: Record<string, (world: CommitteeWorld, path: string) => string> = {
  bodies: (w) => w.ids.body,
  committees: (w) => w.ids.committee,
  people: (w) => w.ids.person,
  members: (w) => w.ids.membership,
  'referral-sources': (w) => w.ids.otherCommittee,
  commissions: (w) => w.ids.commission,
  phases: (w) => w.ids.phase,
  meetings: (w, path) =>
    /\/minutes/.test(path) ? w.ids.heldMeeting : path.startsWith('/api/public/') || /invite|deliveries|agenda\.pdf/.test(path) ? w.ids.publishedMeeting : w.ids.meeting,
  items: (w) => w.ids.item,
  attachments: (w) => w.ids.publicAttachment,
  attendance: (w) => w.committee.members[0].id,
  participants: (w) => w.ids.person,
  workflows: () => 'meeting',
  cases: (w) => w.ids.caseNumber,
  deliveries: (w) => w.ids.delivery ?? randomUUID(),
};

/**
 * The path with every parameter filled with a resource of the world. A parameter the table does not know gets a
 * random UUID (an unknown id: 404 for whoever may ask), so a new endpoint is still exercised.
 */
export function fillPath(path: string, world: CommitteeWorld): string {
  return path.replace(/\/([\w-]+)\/\{(\w+)\}/g, (_, segment: string) => `/${segment}/${encodeURIComponent(RESOURCE_OF_SEGMENT[segment]?.(world, path) ?? randomUUID())}`);
}
