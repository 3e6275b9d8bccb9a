import type { TraceModel } from '../../model.ts';
import type { ActivityTracker } from './activity-tracker.ts';
import type { GoroutineTracker } from './goroutine-tracker.ts';
import { labelMessageValues } from './label-message-values.ts';
import { processorsOf } from './processor-runs.ts';

/**
 * Builds the model of a Go trace, old or new format, once every event has
 * gone through the trackers: goroutines with their regions and logs,
 * messages labelled with logged values, processors, GC and stop-the-world
 * spans.
 *
 * @example
 * assembleGoModel({ version: 26, durationNs: 1e9, tracker, activity }).goVersion // → '1.26'
 */
export function assembleGoModel(options: {
  version: number;
  durationNs: number;
  tracker: GoroutineTracker;
  activity: ActivityTracker;
}): TraceModel {
  const { version, durationNs, tracker, activity } = options;
  const goroutines = tracker.goroutines();
  activity.annotate(goroutines);
  const messages = tracker.messages.finish(durationNs);
  labelMessageValues(messages, goroutines);
  const { processorIds, gcSpans, stwSpans } = activity.finish(durationNs);
  const { kinds } = tracker.spans;
  const allProcessorIds = [...new Set([...processorIds, ...kinds.processors()])].sort((a, b) => a - b);
  const processors = processorsOf(allProcessorIds, goroutines, kinds, durationNs);
  return { format: 'go', goVersion: `1.${version}`, durationNs, goroutines, messages, processors, gcSpans, stwSpans };
}
