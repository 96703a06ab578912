import { ConnectionSlots, NoFreeConnectionError } from '../connection-slots.js';

describe('ConnectionSlots', () => {
  it('grants as many turns as there are connections, then the next in order of asking as each is given back', async () => {
    const slots = new ConnectionSlots(2);
    const first = await slots.acquire(1_000);
    const second = await slots.acquire(1_000);
    const granted: string[] = [];
    const third = slots.acquire(1_000).then((release) => (granted.push('third'), release));
    const fourth = slots.acquire(1_000).then((release) => (granted.push('fourth'), release));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(granted).toEqual([]);

    first();
    first(); // giving a turn back twice frees one connection only
    await third;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(granted).toEqual(['third']);
    second();
    (await fourth)();
    expect(granted).toEqual(['third', 'fourth']);
  });

  it('gives up after the wait allowed, and the turn it did not get is not lost to the others', async () => {
    const slots = new ConnectionSlots(1);
    const only = await slots.acquire(1_000);
    await expect(slots.acquire(30)).rejects.toBeInstanceOf(NoFreeConnectionError);
    only();
    const again = await slots.acquire(30);
    again();
    (await slots.acquire(30))();
  });

  it('keeps the reserved connections for urgent mail: bulk holds at most the rest, urgent takes any free one', async () => {
    const slots = new ConnectionSlots(3, 1);
    const bulk = [await slots.acquire(1_000), await slots.acquire(1_000)];
    await expect(slots.acquire(30)).rejects.toBeInstanceOf(NoFreeConnectionError);
    const urgent = await slots.acquire(30, true);
    await expect(slots.acquire(30, true)).rejects.toBeInstanceOf(NoFreeConnectionError);
    urgent();
    bulk[0]();
    // Two free now, one of them bulk's: urgent mail may take both.
    const urgentAgain = [await slots.acquire(30, true), await slots.acquire(30, true)];
    urgentAgain.forEach((release) => release());
    bulk[1]();
  });

  it('serves urgent mail waiting before bulk mail that asked earlier', async () => {
    const slots = new ConnectionSlots(3, 1);
    const held = [await slots.acquire(1_000), await slots.acquire(1_000), await slots.acquire(1_000, true)];
    const granted: string[] = [];
    const bulk = slots.acquire(1_000).then((release) => (granted.push('bulk'), release));
    const urgent = slots.acquire(1_000, true).then((release) => (granted.push('urgent'), release));
    held[0]();
    (await urgent)();
    (await bulk)();
    expect(granted).toEqual(['urgent', 'bulk']);
    held[1]();
    held[2]();
  });

  it('refuses to keep every connection for urgent mail', () => {
    expect(() => new ConnectionSlots(2, 2)).toThrow(/leaves bulk mail none/);
  });
});
