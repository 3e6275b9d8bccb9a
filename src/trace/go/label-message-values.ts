import type { CompactList, Goroutine, StateSpan, UserLog } from '../../model.ts';
import type { StoredMessageList } from './message-store.ts';

/** The `trace.Log` category whose message labels the next message a goroutine sends. */
export const VALUE_LOG_CATEGORY = 'value';

/**
 * Gives channel messages the value their sender announced. Go traces do not
 * record values, so a program may log them: `trace.Log(ctx, "value", text)`
 * right before the send. A message takes the text of its sender's latest
 * `value` log written while the sender was running and before the send
 * (within the sender's running stretch that ends at or contains `sendNs`); a
 * log labels at most one message. Does nothing when no goroutine logged a value.
 *
 * @example
 * // main logs ("value", "42") at 10 ns, then its send wakes goroutine 7 at 12 ns:
 * labelMessageValues(messages, goroutines); messages.at(0).value // → '42'
 */
export function labelMessageValues(messages: StoredMessageList, goroutines: readonly Goroutine[]): void {
  const senders = new Map<number, { spans: CompactList<StateSpan>; logs: UserLog[] }>();
  // An indexed loop: this runs once over every goroutine, unoptimised, where for…of would allocate a result per element.
  for (let i = 0; i < goroutines.length; i++) {
    const g = goroutines[i] as Goroutine;
    const logs = g.logs?.filter((l) => l.category === VALUE_LOG_CATEGORY);
    if (logs !== undefined && logs.length > 0) senders.set(g.id, { spans: g.spans, logs });
  }
  if (senders.size === 0) return;

  const used = new Set<UserLog>();
  for (let i = 0; i < messages.length; i++) {
    const message = messages.at(i);
    if (message === undefined || message.kind !== 'channel') continue;
    const sender = senders.get(message.fromId);
    if (sender === undefined) continue;

    // The sender's running stretch: its last span that began before the send.
    const span = lastSpanBefore(sender.spans, message.sendNs);
    if (span === undefined || span.state !== 'running') continue;

    const log = sender.logs.findLast((l) => l.timeNs >= span.startNs && l.timeNs <= message.sendNs);
    if (log === undefined || used.has(log)) continue;
    used.add(log);
    messages.setValue(i, log.message);
  }
}

/** The last span starting before `ns` (spans are in time order). */
function lastSpanBefore(spans: CompactList<StateSpan>, ns: number): StateSpan | undefined {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((spans.at(middle) as StateSpan).startNs < ns) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? undefined : spans.at(low - 1);
}
