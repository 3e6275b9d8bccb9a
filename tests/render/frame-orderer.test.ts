import { describe, expect, it } from 'vitest';

import { FrameOrderer } from '../../src/render/frame-orderer.ts';

const frame = (value: number): Buffer => Buffer.from([value]);

describe('FrameOrderer', () => {
  it('writes frames in index order whatever order they arrive in', async () => {
    const written: number[] = [];
    const orderer = new FrameOrderer(async (rgba) => {
      written.push(rgba[0] as number);
    });
    await Promise.all([orderer.accept(2, frame(2)), orderer.accept(0, frame(0)), orderer.accept(3, frame(3)), orderer.accept(1, frame(1))]);
    expect(written).toEqual([0, 1, 2, 3]);
    expect(orderer.written).toBe(4);
  });

  it('holds an early frame until the frames before it are written', async () => {
    const written: number[] = [];
    const orderer = new FrameOrderer(async (rgba) => {
      written.push(rgba[0] as number);
    });
    let lateDone = false;
    const late = orderer.accept(1, frame(1)).then(() => (lateDone = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(lateDone).toBe(false);
    await orderer.accept(0, frame(0));
    await late;
    expect(written).toEqual([0, 1]);
  });

  it('releases waiting frames with the error when rendering fails elsewhere', async () => {
    const orderer = new FrameOrderer(async () => {});
    const waiting = orderer.accept(5, frame(5));
    orderer.fail(new Error('page crashed'));
    await expect(waiting).rejects.toThrow('page crashed');
  });

  it('refuses a frame that arrives twice', async () => {
    const orderer = new FrameOrderer(async () => {});
    await orderer.accept(0, frame(0));
    await expect(orderer.accept(0, frame(0))).rejects.toThrow('frame 0 arrived twice');
  });
});
