import { describe, expect, it } from 'vitest';
import { dropPosition, keyboardTarget, moved } from './agenda-order';

describe('moving an item on the agenda', () => {
  it('moves one item and keeps the others in their order', () => {
    expect(moved(['a', 'b', 'c', 'd'], 3, 1)).toEqual(['a', 'd', 'b', 'c']);
    expect(moved(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moved(['a', 'b'], 0, 9)).toEqual(['b', 'a']);
    expect(moved(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });

  it('reads the arrow keys, Home and End on a handle, and nothing past the ends', () => {
    expect(keyboardTarget('ArrowUp', 2, 5)).toBe(1);
    expect(keyboardTarget('ArrowDown', 2, 5)).toBe(3);
    expect(keyboardTarget('Home', 2, 5)).toBe(0);
    expect(keyboardTarget('End', 2, 5)).toBe(4);
    expect(keyboardTarget('ArrowUp', 0, 5)).toBeNull();
    expect(keyboardTarget('ArrowDown', 4, 5)).toBeNull();
    expect(keyboardTarget('Home', 0, 5)).toBeNull();
    expect(keyboardTarget('Enter', 2, 5)).toBeNull();
  });

  it('gives a dropped item the place of the item it lands on', () => {
    expect(dropPosition(['a', 'b', 'c'], 'c', 'a')).toBe(1);
    expect(dropPosition(['a', 'b', 'c'], 'a', 'c')).toBe(3);
    expect(dropPosition(['a', 'b', 'c'], 'a', 'a')).toBeNull();
    expect(dropPosition(['a', 'b', 'c'], 'x', 'a')).toBeNull();
  });
});
