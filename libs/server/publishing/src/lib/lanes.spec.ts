import { Lanes } from './lanes';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('Lanes', () => {
  it('lets at most `size` holders work at once', async () => {
    const lanes = new Lanes(2, 10);
    let holders = 0;
    let most = 0;
    const work = async () => {
      await lanes.acquire();
      most = Math.max(most, ++holders);
      await tick();
      holders -= 1;
      lanes.release();
    };
    await Promise.all(Array.from({ length: 6 }, work));
    expect(most).toBe(2);
  });

  it('gives the lane up while waiting for a pace slot, and hands the waker the next free lane first', async () => {
    const lanes = new Lanes(1, 10);
    const order: string[] = [];
    await lanes.acquire();
    const waiter = lanes.pause(20).then(() => order.push('waker'));
    // The lane is free during the pause: someone else can take it.
    await lanes.acquire();
    order.push('other');
    const queued = lanes.acquire().then(() => order.push('queued'));
    await new Promise((r) => setTimeout(r, 40));
    lanes.release(); // the other is done: the waker, not the queued one, goes next
    await waiter;
    lanes.release();
    await queued;
    expect(order).toEqual(['other', 'waker', 'queued']);
  });

  it('keeps the lane while waiting once too many already wait', async () => {
    const lanes = new Lanes(1, 0);
    await lanes.acquire();
    let taken = false;
    void lanes.acquire().then(() => (taken = true));
    await lanes.pause(10);
    expect(taken).toBe(false);
    lanes.release();
    await tick();
    expect(taken).toBe(true);
  });
});
