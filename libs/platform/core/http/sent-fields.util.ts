/** The fields a PATCH sent; null stays, as it clears a field, while a field left out is not a change. */
export function sentFields<T extends object>(dto: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
