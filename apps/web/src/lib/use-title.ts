import { useEffect } from 'react';

/** Sets the page's Danish title, "<page> – Udvalgsarbejde", for the tab, history and screen readers. */
export function useTitle(page: string): void {
  useEffect(() => {
    document.title = `${page} – Udvalgsarbejde`;
  }, [page]);
}
