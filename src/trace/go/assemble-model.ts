import type { TraceModel } from '../../model.ts';
import type { Activity } from './activity-tracker.ts';
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
 * assembleGoModel({ version: 26, durationNs: 1e9, tracker, activity: activityTracker.finish(1e9) }).goVersion // → '1.26'
 */
export function assembleGoModel(options: {
  version: number;
  durationNs: number;
  tracker: GoroutineTracker;
  /** The activity tracker's findings, finished at `durationNs`. */
  activity: Activity;
}): TraceModel {
  const { version, durationNs, tracker, activity } = options;
  const goroutines = tracker.goroutines();
  for (const g of activity.regions.size + activity.logs.size > 0 ? goroutines : []) {
    const regions = activity.regions.get(g.id);
    if (regions !== undefined) g.regions = regions;
    const logs = activity.logs.get(g.id);
    if (logs !== undefined) g.logs = logs;
  }
  const messages = tracker.messages.finish(durationNs);
  labelMessageValues(messages, goroutines);
  const { processorIds, gcSpans, stwSpans } = activity;
  const { kinds } = tracker.spans;
  const allProcessorIds = [...new Set([...processorIds, ...kinds.processors()])].sort((a, b) => a - b);
  const processors = processorsOf(allProcessorIds, goroutines, kinds, durationNs);
  return { format: 'go', goVersion: `1.${version}`, durationNs, goroutines, messages, processors, gcSpans, stwSpans };
}
