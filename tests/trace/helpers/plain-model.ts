import type { TraceModel } from '../../../src/model.ts';

/**
 * A model as plain JSON data: every compact list becomes the array it stands
 * for, so two reads can be compared whatever their storage.
 */
export function plainModel(model: TraceModel): unknown {
  return JSON.parse(JSON.stringify(model)) as unknown;
}
