/**
 * Names joined the Danish way: "A", "A og B", "A, B og C". Danish puts no comma before "og", so the
 * English serial comma must not creep in.
 */
export function danishList(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} og ${names[names.length - 1]}`;
}
