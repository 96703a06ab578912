import { sha256Hex } from '@app/storage';

export interface AddendumLink {
  previousHash: string;
  createdAt: Date;
  text: string;
}

/**
 * The hash of an addition (tilføjelse): over the link before it, its instant and its text, each on its own line,
 * so changing the document, an earlier addition, or this one's date or words breaks every hash after it.
 */
export function addendumHash({ previousHash, createdAt, text }: AddendumLink): string {
  return sha256Hex(`${previousHash}\n${createdAt.toISOString()}\n${text}`);
}

/**
 * Checks a chain from the sealed hash: each addition names the link before it and its own hash is right.
 * Answers the index of the first broken addition, or null when the whole chain holds.
 */
export function firstBrokenAddendum(sealedHash: string, addenda: readonly (AddendumLink & { sha256: string })[]): number | null {
  let previous = sealedHash;
  for (const [index, addendum] of addenda.entries()) {
    if (addendum.previousHash !== previous || addendumHash(addendum) !== addendum.sha256) return index;
    previous = addendum.sha256;
  }
  return null;
}
