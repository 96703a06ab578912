import type { PersonWithToken } from './factories.js';
import type { TestApp, TestResponse } from './test-app.js';

/** A meeting day in the past (inside a mandate starting 2024), so the meeting can be held at once. */
export const PAST_MEETING = { startsAt: '2025-03-03T09:00:00+01:00', endsAt: '2025-03-03T12:00:00+01:00' };

/**
 * Drives meetings through the API as a committee's secretary, for specs whose subject is what happens on a
 * meeting (attachments, notes, public agendas, invitations, case routes), not building the agenda itself.
 * Every step must succeed; a refusal fails the test with the answer.
 */
export class MeetingDriver {
  constructor(
    private readonly t: TestApp,
    private readonly secretary: PersonWithToken,
  ) {}

  private async send(method: string, url: string, body?: unknown): Promise<TestResponse> {
    const response = await this.t.request(method, url, { token: this.secretary.token, body });
    if (response.status >= 300) throw new Error(`${method} ${url} answered ${response.status}: ${response.text}`);
    return response;
  }

  /** A meeting on PAST_MEETING's day unless `fields` gives another start. */
  async meeting(committeeId: string, fields: Record<string, unknown> = {}): Promise<string> {
    const times = fields.startsAt ? {} : PAST_MEETING;
    const { body } = await this.send('POST', `/api/committees/${committeeId}/meetings`, { ...times, location: 'Rådhuset, Mødelokale 1', ...fields });
    return body.id;
  }

  async item(meetingId: string, fields: Record<string, unknown>): Promise<any> {
    return (await this.send('POST', `/api/meetings/${meetingId}/items`, fields)).body;
  }

  async fireOnItem(itemId: string, event: string, extra: Record<string, unknown> = {}): Promise<any> {
    return (await this.send('POST', `/api/items/${itemId}/transitions`, { event, ...extra })).body;
  }

  async fireOnMeeting(meetingId: string, event: string): Promise<any> {
    return (await this.send('POST', `/api/meetings/${meetingId}/transitions`, { event })).body;
  }

  async updateItem(itemId: string, fields: Record<string, unknown>): Promise<any> {
    return (await this.send('PATCH', `/api/items/${itemId}`, fields)).body;
  }

  /** Marks every draft item ready and sends the agenda. */
  async publish(meetingId: string): Promise<any> {
    const { body } = await this.send('GET', `/api/meetings/${meetingId}`);
    for (const item of body.items.filter((i: { state: string }) => i.state === 'draft')) await this.fireOnItem(item.id, 'mark-ready');
    return this.fireOnMeeting(meetingId, 'publish');
  }

  /** Publishes and records that the meeting took place (its start must be past). */
  async hold(meetingId: string): Promise<any> {
    await this.publish(meetingId);
    return this.fireOnMeeting(meetingId, 'hold');
  }
}

/** A file upload over a real connection, as a browser sends it: multipart/form-data with the file in the field `file`. */
export async function uploadFile(t: TestApp, itemId: string, file: { bytes: Uint8Array; name: string; type: string }, token?: string): Promise<TestResponse> {
  const form = new FormData();
  // A copy on its own ArrayBuffer, as Blob takes (a Buffer may sit on a shared pool).
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const response = await fetch(`${t.baseUrl}/api/items/${itemId}/attachments`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: form });
  const text = await response.text();
  const json = (response.headers.get('content-type') ?? '').includes('json') && text;
  return { status: response.status, body: json ? JSON.parse(text) : text, headers: Object.fromEntries(response.headers.entries()), text };
}

/** A download as bytes, which TestApp.request (reading text) would mangle. */
export async function download(t: TestApp, url: string, token?: string): Promise<{ status: number; bytes: Buffer; headers: Record<string, string>; text: string }> {
  const response = await fetch(`${t.baseUrl}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, bytes, headers: Object.fromEntries(response.headers.entries()), text: bytes.toString('utf8') };
}
