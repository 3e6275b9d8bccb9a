/**
 * The old-format (Go 1.11–1.21) wire table. An event starts with one byte:
 * the low six bits are the type, the top two bits the number of arguments
 * after the timestamp delta (3 means "a byte length follows, then all the
 * arguments"). Which arguments a type has, whether its last one is a stack
 * id, and the version that introduced it are data here; the decoder and its
 * tests read them from this table.
 */

/** Old-format event types the reader refers to by name. */
export const OldType = {
  None: 0,
  Batch: 1,
  Frequency: 2,
  Stack: 3,
  Gomaxprocs: 4,
  ProcStart: 5,
  ProcStop: 6,
  GCStart: 7,
  GCDone: 8,
  STWStart: 9,
  STWDone: 10,
  GCSweepStart: 11,
  GCSweepDone: 12,
  GoCreate: 13,
  GoStart: 14,
  GoEnd: 15,
  GoStop: 16,
  GoSched: 17,
  GoPreempt: 18,
  GoSleep: 19,
  GoBlock: 20,
  GoUnblock: 21,
  GoBlockSend: 22,
  GoBlockRecv: 23,
  GoBlockSelect: 24,
  GoBlockSync: 25,
  GoBlockCond: 26,
  GoBlockNet: 27,
  GoSysCall: 28,
  GoSysExit: 29,
  GoSysBlock: 30,
  GoWaiting: 31,
  GoInSyscall: 32,
  HeapAlloc: 33,
  HeapGoal: 34,
  TimerGoroutine: 35,
  FutileWakeup: 36,
  String: 37,
  GoStartLocal: 38,
  GoUnblockLocal: 39,
  GoSysExitLocal: 40,
  GoStartLabel: 41,
  GoBlockGC: 42,
  GCMarkAssistStart: 43,
  GCMarkAssistDone: 44,
  UserTaskCreate: 45,
  UserTaskEnd: 46,
  UserRegion: 47,
  UserLog: 48,
  CPUSample: 49,
} as const;

/** One past the highest type byte. */
export const OLD_TYPE_COUNT = 50;

/** One row of the table. */
export interface OldEventSpec {
  type: number;
  name: string;
  /** Arguments after the timestamp delta, stack id excluded. */
  args: readonly string[];
  /** True when a stack id follows the arguments. */
  hasStack: boolean;
  /** First format version (minor number) that has this event. */
  since: number;
}

// [type, name, args after the delta, has a stack id, since]. Batch, Frequency,
// TimerGoroutine, Stack and String have no delta and are decoded by hand.
const ROWS: ReadonlyArray<readonly [number, string, string, boolean, number]> = [
  [1, 'Batch', 'p ticks', false, 5],
  [2, 'Frequency', 'freq', false, 5],
  [3, 'Stack', 'id frames', false, 5],
  [4, 'Gomaxprocs', 'procs', true, 5],
  [5, 'ProcStart', 'thread', false, 5],
  [6, 'ProcStop', '', false, 5],
  [7, 'GCStart', 'seq', true, 5],
  [8, 'GCDone', '', false, 5],
  [9, 'STWStart', 'kind', false, 5],
  [10, 'STWDone', '', false, 5],
  [11, 'GCSweepStart', '', true, 5],
  [12, 'GCSweepDone', 'swept reclaimed', false, 5],
  [13, 'GoCreate', 'g new_stack', true, 5],
  [14, 'GoStart', 'g seq', false, 5],
  [15, 'GoEnd', '', false, 5],
  [16, 'GoStop', '', true, 5],
  [17, 'GoSched', '', true, 5],
  [18, 'GoPreempt', '', true, 5],
  [19, 'GoSleep', '', true, 5],
  [20, 'GoBlock', '', true, 5],
  [21, 'GoUnblock', 'g seq', true, 5],
  [22, 'GoBlockSend', '', true, 5],
  [23, 'GoBlockRecv', '', true, 5],
  [24, 'GoBlockSelect', '', true, 5],
  [25, 'GoBlockSync', '', true, 5],
  [26, 'GoBlockCond', '', true, 5],
  [27, 'GoBlockNet', '', true, 5],
  [28, 'GoSysCall', '', true, 5],
  [29, 'GoSysExit', 'g seq real_ticks', false, 5],
  [30, 'GoSysBlock', '', false, 5],
  [31, 'GoWaiting', 'g', false, 5],
  [32, 'GoInSyscall', 'g', false, 5],
  [33, 'HeapAlloc', 'bytes', false, 5],
  [34, 'HeapGoal', 'bytes', false, 5],
  [35, 'TimerGoroutine', 'g', false, 5],
  [36, 'FutileWakeup', '', false, 5],
  [37, 'String', 'id length', false, 7],
  [38, 'GoStartLocal', 'g', false, 7],
  [39, 'GoUnblockLocal', 'g', true, 7],
  [40, 'GoSysExitLocal', 'g real_ticks', false, 7],
  [41, 'GoStartLabel', 'g seq label_string', false, 8],
  [42, 'GoBlockGC', '', true, 8],
  [43, 'GCMarkAssistStart', '', true, 9],
  [44, 'GCMarkAssistDone', '', false, 9],
  [45, 'UserTaskCreate', 'task parent_task name_string', true, 11],
  [46, 'UserTaskEnd', 'task', true, 11],
  [47, 'UserRegion', 'task mode name_string', true, 11],
  [48, 'UserLog', 'task key_string', true, 11],
  [49, 'CPUSample', 'real_ticks p g', true, 19],
];

/** Indexed by type byte; `undefined` for 0 and unused types. */
export const OLD_EVENT_SPECS: readonly (OldEventSpec | undefined)[] = buildSpecs();

/** Types whose arguments are not preceded by a timestamp delta. */
export const UNTIMED_TYPES: ReadonlySet<number> = new Set([
  OldType.Batch,
  OldType.Frequency,
  OldType.TimerGoroutine,
]);

/**
 * The spec of `type`, or `undefined` when no such event exists in format
 * `1.version` (Go rejects events newer than the header).
 *
 * @example
 * oldEventSpec(49, 11) // → undefined: CPU samples came with 1.19
 */
export function oldEventSpec(type: number, version: number): OldEventSpec | undefined {
  const spec = OLD_EVENT_SPECS[type];
  return spec !== undefined && spec.since <= version ? spec : undefined;
}

/**
 * How many values follow the type byte (and the length prefix, when there is
 * one): the delta for timed events, the arguments, and the stack id.
 *
 * @example
 * oldValueCount(OLD_EVENT_SPECS[21]!) // → 4: delta, g, seq, stack
 */
export function oldValueCount(spec: OldEventSpec): number {
  const timed = UNTIMED_TYPES.has(spec.type) ? 0 : 1;
  return timed + spec.args.length + (spec.hasStack ? 1 : 0);
}

function buildSpecs(): (OldEventSpec | undefined)[] {
  const specs: (OldEventSpec | undefined)[] = new Array(OLD_TYPE_COUNT).fill(undefined);
  for (const [type, name, argText, hasStack, since] of ROWS) {
    specs[type] = { type, name, args: argText === '' ? [] : argText.split(' '), hasStack, since };
  }
  return specs;
}
