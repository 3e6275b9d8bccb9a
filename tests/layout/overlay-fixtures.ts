/**
 * Models for the overlay and label tests.
 */

import type { TraceModel } from '../../src/model.ts';
import { goroutine, model, MS, pingPong } from './model-fixtures.ts';

export { pingPong };

/** Main and `count` short-lived workers started one after another. */
export function stream(count: number): TraceModel {
  const workers = Array.from({ length: count }, (_, index) =>
    goroutine({ id: index + 2, createdNs: index * MS, endedNs: index * MS + 5 * MS, spans: [{ startNs: index * MS, state: 'running' }] }),
  );
  return model([goroutine({ id: 1, name: 'main.main', parentId: null }), ...workers], [], (count + 10) * MS);
}
