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
});
