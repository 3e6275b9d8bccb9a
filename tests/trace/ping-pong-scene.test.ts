/** The shipped ping-pong scene trace reads as the game it recorded. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTrace } from '../../src/trace/read-trace.ts';

const TRACE = fileURLToPath(new URL('../../scenes/ping-pong/trace.out', import.meta.url));
const model = readTrace(readFileSync(TRACE));
const players = model.goroutines.filter((g) => g.name === 'main.player');
const playerIds = new Set(players.map((g) => g.id));
const involvesPlayer = model.messages.toArray().filter((m) => playerIds.has(m.fromId) || playerIds.has(m.toId));

describe('scenes/ping-pong/trace.out', () => {
  it('is a Go 1.26 trace of about 1.1 s', () => {
    expect(model.goVersion).toBe('1.26');
    expect(model.durationNs).toBeGreaterThan(1.0e9);
    expect(model.durationNs).toBeLessThan(1.5e9);
  });

  it('has main and two players created by main as its only program goroutines', () => {
    const own = model.goroutines.filter((g) => !g.runtime);
    expect(own.map((g) => g.name)).toEqual(['main.main', 'main.player', 'main.player']);
    expect(own[0]!.id).toBe(1);
    expect(players.map((g) => g.parentId)).toEqual([1, 1]);
  });

  it('starts with the serve from main and ends with main taking the ball back', () => {
    expect(involvesPlayer[0]).toMatchObject({ fromId: 1, kind: 'channel' });
    expect(involvesPlayer.at(-1)).toMatchObject({ toId: 1, kind: 'channel' });
  });

  it('shows every hit as one channel message, alternating between the players in time order', () => {
    const hits = involvesPlayer.slice(1, -1);
    expect(hits.length).toBeGreaterThanOrEqual(9);
    expect(hits.length).toBeLessThanOrEqual(11);
    hits.forEach((hit, i) => {
      expect(hit.kind, `hit ${i}`).toBe('channel');
      expect(playerIds.has(hit.fromId) && playerIds.has(hit.toId), `hit ${i}`).toBe(true);
      expect(hit.fromId, `hit ${i}`).not.toBe(hit.toId);
      if (i > 0) {
        const previous = hits[i - 1]!;
        expect(hit.fromId, `hit ${i} is hit back by the one who got hit ${i - 1}`).toBe(previous.toId);
        expect(hit.sendNs - previous.sendNs, `hit ${i} comes about 100 ms later`).toBeGreaterThan(90e6);
      }
    });
  });

  it('receives each hit at the receiver’s next start, right after the send', () => {
    for (const hit of involvesPlayer) {
      expect(hit.receiveNs).toBeGreaterThanOrEqual(hit.sendNs);
      expect(hit.receiveNs - hit.sendNs).toBeLessThan(5e6);
    }
  });
});
