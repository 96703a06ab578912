import { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { pageReads, startPageReads } from './page-reads';

function routesReading(started: string[]): RouteObject[] {
  return [
    {
      handle: pageReads(async () => void started.push('session')),
      children: [
        { path: '/offentlig', element: null },
        { path: '/moeder/:meetingId', element: null, handle: pageReads(async (_client, { meetingId }) => void started.push(`meeting ${meetingId}`)) },
      ],
    },
  ];
}

describe('the reads a page starts with', () => {
  it('starts the reads of every route the path matches, the frame and the page, with the page parameters', async () => {
    const started: string[] = [];
    await startPageReads(routesReading(started), new QueryClient(), '/moeder/7c1b');
    expect(started).toEqual(['session', 'meeting 7c1b']);
  });

  it('starts only the frame read on a page that names none of its own', async () => {
    const started: string[] = [];
    await startPageReads(routesReading(started), new QueryClient(), '/offentlig');
    expect(started).toEqual(['session']);
  });

  it('starts nothing on a path no route matches', async () => {
    const started: string[] = [];
    await startPageReads(routesReading(started), new QueryClient(), '/ukendt/side');
    expect(started).toEqual([]);
  });
});
