/** The agenda's order as ids, with the item at `from` moved to `to` (both 0-based, `to` clamped to the list). */
export function moved<T>(order: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(order.length - 1, to));
  if (from < 0 || from >= order.length || from === target) return [...order];
  const next = [...order];
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item);
  return next;
}

/**
 * Where a key pressed on an item's handle moves it (0-based), or null for a key that moves nothing: arrows one
 * place up or down, Home and End to the first and last place.
 */
export function keyboardTarget(key: string, index: number, length: number): number | null {
  const target = key === 'ArrowUp' ? index - 1 : key === 'ArrowDown' ? index + 1 : key === 'Home' ? 0 : key === 'End' ? length - 1 : null;
  if (target === null || target < 0 || target >= length || target === index) return null;
  return target;
}

/** The place (1-based, as the API's `position`) an item dropped on `onto` takes: the place of the item it lands on. */
export function dropPosition(order: readonly string[], dragged: string, onto: string): number | null {
  const from = order.indexOf(dragged);
  const to = order.indexOf(onto);
  if (from < 0 || to < 0 || from === to) return null;
  return to + 1;
}
