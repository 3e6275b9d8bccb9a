/**
 * The new-format (Go 1.22+) wire table: which byte is which event, which
 * arguments follow it, and which of those are string or stack ids. The batch
 * decoder walks event batches with this table alone; nothing else in the
 * reader hard-codes argument counts.
 */

/** Event type bytes the rest of the reader refers to by name. */
export const EventType = {
  EventBatch: 1,
  Stacks: 2,
  Stack: 3,
  Strings: 4,
  String: 5,
  CPUSamples: 6,
  CPUSample: 7,
  Frequency: 8,
  ProcsChange: 9,
  ProcStart: 10,
  ProcStop: 11,
  ProcSteal: 12,
  ProcStatus: 13,
  GoCreate: 14,
  GoCreateSyscall: 15,
  GoStart: 16,
  GoDestroy: 17,
  GoDestroySyscall: 18,
  GoStop: 19,
  GoBlock: 20,
  GoUnblock: 21,
  GoSyscallBegin: 22,
  GoSyscallEnd: 23,
  GoSyscallEndBlocked: 24,
  GoStatus: 25,
  GCActive: 28,
  GCBegin: 29,
  GCEnd: 30,
  GoSwitch: 45,
  GoSwitchDestroy: 46,
  GoCreateBlocked: 47,
  GoStatusStack: 48,
  ExperimentalBatch: 49,
  Sync: 50,
  ClockSnapshot: 51,
  EndOfGeneration: 52,
} as const;

/** One row of the table. `args` lists the wire arguments after the type byte, `dt` first for timed events. */
export interface EventSpec {
  type: number;
  name: string;
  args: readonly string[];
  /** Positions in `args` (after dropping `dt`) that are string-table ids. */
  stringArgs: readonly number[];
  /** Positions in `args` (after dropping `dt`) that are stack-table ids. */
  stackArgs: readonly number[];
  /** First trace format version (minor number) that has this event. */
  since: number;
}

/** Argument names that refer to the generation's string table. */
const STRING_ARG_NAMES = new Set([
  'reason_string',
  'kind_string',
  'label_string',
  'name_string',
  'key_string',
  'value_string',
]);

/** Argument names that refer to the generation's stack table. */
const STACK_ARG_NAMES = new Set(['stack', 'new_stack']);

// [byte, name, wire args, since]. Timed events only: these are the events an event batch may hold.
const ROWS: ReadonlyArray<readonly [number, string, string, number]> = [
  [9, 'ProcsChange', 'dt procs_value stack', 22],
  [10, 'ProcStart', 'dt p p_seq', 22],
  [11, 'ProcStop', 'dt', 22],
  [12, 'ProcSteal', 'dt p p_seq m', 22],
  [13, 'ProcStatus', 'dt p pstatus', 22],
  [14, 'GoCreate', 'dt new_g new_stack stack', 22],
  [15, 'GoCreateSyscall', 'dt new_g', 22],
  [16, 'GoStart', 'dt g g_seq', 22],
  [17, 'GoDestroy', 'dt', 22],
  [18, 'GoDestroySyscall', 'dt', 22],
  [19, 'GoStop', 'dt reason_string stack', 22],
  [20, 'GoBlock', 'dt reason_string stack', 22],
  [21, 'GoUnblock', 'dt g g_seq stack', 22],
  [22, 'GoSyscallBegin', 'dt p_seq stack', 22],
  [23, 'GoSyscallEnd', 'dt', 22],
  [24, 'GoSyscallEndBlocked', 'dt', 22],
  [25, 'GoStatus', 'dt g m gstatus', 22],
  [26, 'STWBegin', 'dt kind_string stack', 22],
  [27, 'STWEnd', 'dt', 22],
  [28, 'GCActive', 'dt gc_seq', 22],
  [29, 'GCBegin', 'dt gc_seq stack', 22],
  [30, 'GCEnd', 'dt gc_seq', 22],
  [31, 'GCSweepActive', 'dt p', 22],
  [32, 'GCSweepBegin', 'dt stack', 22],
  [33, 'GCSweepEnd', 'dt swept_value reclaimed_value', 22],
  [34, 'GCMarkAssistActive', 'dt g', 22],
  [35, 'GCMarkAssistBegin', 'dt stack', 22],
  [36, 'GCMarkAssistEnd', 'dt', 22],
  [37, 'HeapAlloc', 'dt heapalloc_value', 22],
  [38, 'HeapGoal', 'dt heapgoal_value', 22],
  [39, 'GoLabel', 'dt label_string', 22],
  [40, 'UserTaskBegin', 'dt task parent_task name_string stack', 22],
  [41, 'UserTaskEnd', 'dt task stack', 22],
  [42, 'UserRegionBegin', 'dt task name_string stack', 22],
  [43, 'UserRegionEnd', 'dt task name_string stack', 22],
  [44, 'UserLog', 'dt task key_string value_string stack', 22],
  [45, 'GoSwitch', 'dt g g_seq', 23],
  [46, 'GoSwitchDestroy', 'dt g g_seq', 23],
  [47, 'GoCreateBlocked', 'dt new_g new_stack stack', 23],
  [48, 'GoStatusStack', 'dt g m gstatus stack', 23],
  // Allocation/free experiment (opt-in only); decoded so their batches can be walked, then ignored.
  [128, 'Span', 'dt id npages_value kindclass', 23],
  [129, 'SpanAlloc', 'dt id npages_value kindclass', 23],
  [130, 'SpanFree', 'dt id', 23],
  [131, 'HeapObject', 'dt id type', 23],
  [132, 'HeapObjectAlloc', 'dt id type', 23],
  [133, 'HeapObjectFree', 'dt id', 23],
  [134, 'GoroutineStack', 'dt id order', 23],
  [135, 'GoroutineStackAlloc', 'dt id order', 23],
  [136, 'GoroutineStackFree', 'dt id', 23],
];

/** Timed events indexed by type byte; `undefined` for bytes that cannot start an event. */
export const EVENT_SPECS: readonly (EventSpec | undefined)[] = buildSpecs();

/** Looks up the spec for `type`, or `undefined` when no event of that type exists in `version`. */
export function eventSpec(type: number, version: number): EventSpec | undefined {
  const spec = EVENT_SPECS[type];
  return spec !== undefined && spec.since <= version ? spec : undefined;
}

/** Position of `argName` among the event's arguments after `dt`; throws for names the event lacks. */
export function argIndex(type: number, argName: string): number {
  const spec = EVENT_SPECS[type];
  const index = spec === undefined ? -1 : spec.args.indexOf(argName) - 1;
  if (index < 0) throw new Error(`event type ${type} has no argument ${argName}`);
  return index;
}

function buildSpecs(): (EventSpec | undefined)[] {
  const specs: (EventSpec | undefined)[] = [];
  for (const [type, name, argText, since] of ROWS) {
    const args = argText.split(' ');
    const rest = args.slice(1);
    specs[type] = {
      type,
      name,
      args,
      stringArgs: positions(rest, STRING_ARG_NAMES),
      stackArgs: positions(rest, STACK_ARG_NAMES),
      since,
    };
  }
  return specs;
}

function positions(args: readonly string[], names: ReadonlySet<string>): number[] {
  return args.flatMap((arg, i) => (names.has(arg) ? [i] : []));
}

/** Event types that change a goroutine's state (creation, start, stop, block, wake-up, syscalls, end, status). */
const GOROUTINE_TRANSITIONS = new Uint8Array(256);
for (const type of [
  EventType.GoCreate, EventType.GoCreateBlocked, EventType.GoCreateSyscall, EventType.GoStart, EventType.GoStop,
  EventType.GoBlock, EventType.GoUnblock, EventType.GoSwitch, EventType.GoSwitchDestroy, EventType.GoSyscallBegin,
  EventType.GoSyscallEnd, EventType.GoSyscallEndBlocked, EventType.GoDestroy, EventType.GoDestroySyscall,
  EventType.GoStatus, EventType.GoStatusStack,
]) {
  GOROUTINE_TRANSITIONS[type] = 1;
}

/**
 * Whether events of `type` change a goroutine's state: the only ones the
 * goroutine tracker acts on.
 *
 * @example
 * isGoroutineTransition(EventType.GoBlock) // → true
 */
export function isGoroutineTransition(type: number): boolean {
  return GOROUTINE_TRANSITIONS[type] === 1;
}
