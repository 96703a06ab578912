import { danishList } from '../danish-format.js';

describe('Danish formatting for the minutes', () => {
  it.each([
    [[], ''],
    [['A'], 'A'],
    [['A', 'B'], 'A og B'],
    [['A', 'B', 'C'], 'A, B og C'],
    [['Anders Andersen', 'Bente Bentsen', 'Carl Carlsen', 'Dorte Dahl'], 'Anders Andersen, Bente Bentsen, Carl Carlsen og Dorte Dahl'],
  ])('joins %j as "%s", with no comma before "og"', (names, expected) => {
    expect(danishList(names)).toBe(expected);
  });

});
