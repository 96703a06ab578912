import { useInfiniteQuery } from '@tanstack/react-query';

/** A page of a list as every list endpoint answers it; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Fetches the page that starts at the cursor (the first page without one). */
export type PageFetcher<T> = (cursor: string | undefined) => Promise<Page<T>>;

/** The whole of a small list (a select's options, a few committees), its pages read one after another. */
export async function allPages<T>(fetchPage: PageFetcher<T>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** A list the reader browses: the pages read so far, the next one when asked for ("Vis flere"). */
export function usePagedList<T>(queryKey: readonly unknown[], fetchPage: PageFetcher<T>, { enabled = true }: { enabled?: boolean } = {}) {
  const query = useInfiniteQuery({
    queryKey,
    enabled,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<T>) => last.nextCursor ?? undefined,
  });
  return { ...query, items: query.data?.pages.flatMap((page) => page.items) };
}
