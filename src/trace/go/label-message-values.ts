import type { Goroutine, Message, UserLog } from '../../model.ts';

/** The `trace.Log` category whose message labels the next message a goroutine sends. */
export const VALUE_LOG_CATEGORY = 'value';

/**
 * Gives channel messages the value their sender announced. Go traces do not
 * record values, so a program may log them: `trace.Log(ctx, "value", text)`
 * right before the send. A message takes the text of its sender's latest
 * `value` log written while the sender was running and before the send
 * (within the sender's running stretch that ends at or contains `sendNs`); a
 * log labels at most one message. Messages that already have a value keep it.
 *
 * Mutates `messages` in place.
 *
 * @example
 * // main logs ("value", "42") at 10 ns, then its send wakes goroutine 7 at 12 ns:
 * labelMessageValues(messages, goroutines); messages[0].value // → '42'
 */
export function labelMessageValues(messages: Message[], goroutines: readonly Goroutine[]): void {
  const byId = new Map(goroutines.map((g) => [g.id, g]));
  const used = new Set<UserLog>();
  for (const message of messages) {
    if (message.kind !== 'channel' || message.value !== undefined) continue;
    const sender = byId.get(message.fromId);
    const logs = sender?.logs;
    if (sender === undefined || logs === undefined) continue;

    // The sender's running stretch: its last span that began before the send.
    const span = sender.spans.findLast((s) => s.startNs < message.sendNs);
    if (span === undefined || span.state !== 'running') continue;

    const log = logs.findLast(
      (l) => l.category === VALUE_LOG_CATEGORY && l.timeNs >= span.startNs && l.timeNs <= message.sendNs,
    );
    if (log === undefined || used.has(log)) continue;
    used.add(log);
    message.value = log.message;
  }
}
