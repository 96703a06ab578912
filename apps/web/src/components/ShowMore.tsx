/** The next page of a list the reader browses, on request; nothing once the last page is read. */
export function ShowMore({ hasMore, loading, onShowMore }: { hasMore: boolean; loading: boolean; onShowMore: () => void }) {
  if (!hasMore) return null;
  return (
    <button type="button" className="button button-secondary" onClick={onShowMore} disabled={loading} aria-busy={loading}>
      {loading ? 'Henter …' : 'Vis flere'}
    </button>
  );
}
