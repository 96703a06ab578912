/** Said to screen readers too, while a page's data is on its way. */
export function Loading() {
  return (
    <p role="status" className="spinner-status">
      Henter …
    </p>
  );
}
