import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './client';

/** A member's meeting, whole agenda with closed items, and attendance; null when it does not exist or may not be read. */
export const meetingQuery = (meetingId: string) =>
  queryOptions({
    queryKey: ['meeting', meetingId],
    queryFn: async () => {
      const { data, response } = await api.GET('/api/meetings/{id}', { params: { path: { id: meetingId } } });
      if ([400, 403, 404].includes(response.status)) return null;
      if (!data) throw new Error(`GET /api/meetings/${meetingId} answered ${response.status}`);
      return data;
    },
    // The read the page started with (page-reads.ts) stays fresh while the page first draws, not read again.
    staleTime: 5_000,
  });

/** A published meeting as the public sees it (closed items only as number and "Lukket punkt: <public title>"); null when there is none. */
export const publicMeetingQuery = (meetingId: string) =>
  queryOptions({
    queryKey: ['public-meeting', meetingId],
    queryFn: async () => {
      const { data, response } = await api.GET('/api/public/meetings/{id}', { params: { path: { id: meetingId } } });
      if (response.status === 404 || response.status === 400) return null;
      if (!data) throw new Error(`GET /api/public/meetings/${meetingId} answered ${response.status}`);
      return data;
    },
    // As the member's meeting: the read the page started with is not read again as the page mounts.
    staleTime: 5_000,
  });

export function useMeeting(meetingId: string) {
  return useQuery(meetingQuery(meetingId));
}

export function meetingName(meeting: { committeeName: string; title: string | null }): string {
  return meeting.title && meeting.title !== meeting.committeeName ? `${meeting.committeeName}: ${meeting.title}` : meeting.committeeName;
}
