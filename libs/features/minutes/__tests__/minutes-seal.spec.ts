import { sha256Hex } from '@app/storage';
import { addendumHash, firstBrokenAddendum } from '../minutes-seal.js';

describe('the seal and its chain of additions', () => {
  const sealed = sha256Hex('the members’ PDF');
  const first = { previousHash: sealed, createdAt: new Date('2024-02-20T09:00:00Z'), text: 'Punkt 1: beløbet rettes til 250.000 kr.' };
  const firstLink = { ...first, sha256: addendumHash(first) };
  const second = { previousHash: firstLink.sha256, createdAt: new Date('2024-03-01T12:30:00Z'), text: 'Punkt 2: stavefejl rettet.' };
  const chain = [firstLink, { ...second, sha256: addendumHash(second) }];

  it('holds from the seal through every addition', () => {
    expect(firstBrokenAddendum(sealed, chain)).toBeNull();
    expect(firstBrokenAddendum(sealed, [])).toBeNull();
  });

  it('breaks at a changed text, date or order, and when the sealed document is another', () => {
    expect(firstBrokenAddendum(sealed, [firstLink, { ...chain[1], text: 'Punkt 2: noget andet.' }])).toBe(1);
    expect(firstBrokenAddendum(sealed, [{ ...firstLink, createdAt: new Date('2024-02-21T09:00:00Z') }, chain[1]])).toBe(0);
    expect(firstBrokenAddendum(sealed, [chain[1], firstLink])).toBe(0);
    expect(firstBrokenAddendum(sha256Hex('another PDF'), chain)).toBe(0);
  });

  it('hashes the link before it, the instant and the text', () => {
    expect(firstLink.sha256).toBe(sha256Hex(`${sealed}\n2024-02-20T09:00:00.000Z\nPunkt 1: beløbet rettes til 250.000 kr.`));
  });
});
