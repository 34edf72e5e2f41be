// Work between changes runs only once the dev server has stayed idle.
import { describe, expect, it } from 'vitest';
import { whenIdle } from '../../src/dev/idle-work.js';

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('whenIdle', () => {
  it('runs the work after the settling time when the server is still idle', async () => {
    const done: string[] = [];
    whenIdle(() => true, () => done.push('idle'), 10);
    expect(done).toEqual([]);
    await wait(60);
    expect(done).toEqual(['idle']);
  });

  it('skips the work when a change arrived meanwhile', async () => {
    let busy = false;
    const done: string[] = [];
    whenIdle(() => !busy, () => done.push('idle'), 10);
    busy = true;
    await wait(60);
    expect(done).toEqual([]);
  });
});
