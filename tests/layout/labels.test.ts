import { describe, expect, it } from 'vitest';
import { buildScene } from '../../src/layout/build-scene.ts';
import { CROWD_SIZE, MAX_SHOWN_LABELS, planLabels, shortFunctionName } from '../../src/layout/labels.ts';
import type { LabelSubject } from '../../src/layout/labels.ts';
import { DARK_THEME } from '../../src/layout/themes.ts';
import type { TraceModel } from '../../src/model.ts';
import { fanOut, goroutine, model, pingPong } from './model-fixtures.ts';

function build(input: TraceModel) {
  return buildScene(input, { width: 1280, height: 720, theme: DARK_THEME, showRuntime: false, antialias: false });
}

function shownTexts(plans: Map<number, { text: string; shown: boolean }>): string[] {
  return [...plans.values()].filter((plan) => plan.shown).map((plan) => plan.text);
}

describe('shortFunctionName', () => {
  it.each([
    ['main.main', 'main'],
    ['main.player', 'player'],
    ['main.main.func1', 'main.func1'],
    ['github.com/acme/srv.(*Server).handle', 'Server.handle'],
    ['net/http.(*conn).serve', 'conn.serve'],
    ['runtime/trace.Start.func1', 'Start.func1'],
    ['player #5', 'player #5'],
    ['#12', '#12'],
    ['  ', ''],
  ])('shortens %s to %s', (name, short) => {
    expect(shortFunctionName(name)).toBe(short);
  });
});

describe('planLabels', () => {
  it('adds the id only where a few goroutines share a name', () => {
    const plans = planLabels(
      [
        { id: 1, name: 'main.main', createdNs: 0 },
        { id: 5, name: 'main.player', createdNs: 1 },
        { id: 6, name: 'main.player', createdNs: 2 },
        { id: 7, name: 'main.logger', createdNs: 3 },
        { id: 8, name: '', createdNs: 4 },
      ],
      1,
    );
    expect(shownTexts(plans)).toEqual(['main', 'player #5', 'player #6', 'logger', 'g8']);
  });

  it('labels a crowd sharing one name once, with its size', () => {
    const subjects: LabelSubject[] = [{ id: 1, name: 'main.main', createdNs: 0 }];
    for (let id = 2; id < 2 + CROWD_SIZE + 4; id++) {
      subjects.push({ id, name: 'main.worker', createdNs: id });
    }
    const plans = planLabels(subjects, 1);
    expect(shownTexts(plans)).toEqual(['main', `worker ×${CROWD_SIZE + 4}`]);
    expect(plans.get(3)).toEqual({ text: 'worker #3', shown: false });
  });

  it('never shows more than the limit, and always the centre', () => {
    const subjects = Array.from({ length: 500 }, (_, index) => ({ id: index, name: `main.f${index}`, createdNs: 500 - index }));
    const plans = planLabels(subjects, 0);
    expect(shownTexts(plans)).toHaveLength(MAX_SHOWN_LABELS);
    expect(plans.get(0)?.shown).toBe(true);
  });
});

describe('labels in the scene', () => {
  it('shows every goroutine of ping-pong by name', () => {
    expect(build(pingPong()).goroutines.map((g) => [g.label, g.showLabel])).toEqual([
      ['main', true],
      ['player #5', true],
      ['player #6', true],
    ]);
  });

  it('shows main and one label per function in a crowded scene', () => {
    const input = fanOut(200);
    const logger = input.goroutines[150];
    if (logger !== undefined) {
      logger.name = 'main.logger';
    }
    const shown = build(input).goroutines.filter((g) => g.showLabel);
    expect(shown.map((g) => g.label)).toEqual(['main', 'worker ×199', 'logger']);
  });

  it('uses the short name of the start function', () => {
    const scene = build(model([goroutine({ id: 1, name: 'example.com/x/pkg.(*Pool).run', parentId: null })]));
    expect(scene.goroutines[0]?.label).toBe('Pool.run');
  });
});
