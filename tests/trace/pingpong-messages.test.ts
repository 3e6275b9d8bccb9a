/**
 * Message inference where the answer is known: two players hit a ball over
 * one channel (tests/fixtures/go/pingpong), logging each ball's count with
 * trace.Log(ctx, "value", …) before the hit. Recorded with every Go release
 * that writes a distinct trace format.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTrace } from '../../src/trace/read-trace.ts';

const DIR = fileURLToPath(new URL('../fixtures/go/pingpong/', import.meta.url));
const traces = readdirSync(DIR).filter((name) => name.endsWith('.out')).sort();

describe.each(traces)('pingpong/%s', (name) => {
  const model = readTrace(readFileSync(DIR + name));
  const players = model.goroutines.filter((g) => g.name === 'main.player').map((g) => g.id);
  const ours = new Set([1, ...players]);
  const messages = model.messages.toArray().filter((m) => ours.has(m.fromId) && ours.has(m.toId));

  it('has main and two players started by main', () => {
    expect(players).toHaveLength(2);
    for (const id of players) expect(model.goroutines.find((g) => g.id === id)?.parentId).toBe(1);
  });

  it('sees the serve, nine hits, the last ball handed to main, then the close', () => {
    // main serves before a player waits, so main parks and a player's receive takes the ball.
    expect(messages.map((m) => [m.operation, m.value])).toEqual([
      ['receive', '0'],
      ...['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((value) => ['send', value]),
      ['send', '10'],
      ['close', undefined],
    ]);
  });

  it('sends every hit from the player who received the previous one, alternating', () => {
    expect(messages[0]).toMatchObject({ fromId: 1, kind: 'channel' });
    for (let i = 1; i < messages.length - 1; i++) {
      expect(messages[i]!.fromId, `hit ${i}`).toBe(messages[i - 1]!.toId);
      expect(players.includes(messages[i]!.fromId), `hit ${i}`).toBe(true);
      expect(messages[i]!.sendNs, `hit ${i}`).toBeGreaterThan(messages[i - 1]!.sendNs);
    }
    expect(messages.at(-2)).toMatchObject({ toId: 1 });
    const close = messages.at(-1)!;
    expect(close.fromId).toBe(messages.at(-2)!.fromId);
    expect(players.filter((id) => id !== close.fromId)).toEqual([close.toId]);
  });

  it('keeps each player’s logs with the values it sent', () => {
    const logged = players.flatMap((id) => model.goroutines.find((g) => g.id === id)?.logs ?? []);
    expect(logged.map((log) => Number(log.message)).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(logged.every((log) => log.category === 'value')).toBe(true);
  });
});
