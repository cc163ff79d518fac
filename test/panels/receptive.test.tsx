// @vitest-environment jsdom
// The Receptive field panel over the real engine: the notes' 3, 5, 9, the classic networks, the 1-D cone, the 2-D square, the ERF, every control and the link.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { effectiveReceptiveField, layerStackGeometry, stackReceptiveField, type StackLayer } from '../../src/engine/index.ts';
import { RECEPTIVE_PRESETS, formatLayer } from '../../src/panels/receptive/receptiveConfig.ts';
import { selectView, useAppStore } from '../../src/state/store.ts';
import { encodeView } from '../../src/url/codec.ts';
import { narration, renderApp, stepTo, playerReady } from '../helpers/renderApp.tsx';

const TITLE = /^(Receptive field|感受野)$/;

async function openReceptive(url = '?v=1&p=receptive') {
  cleanup();
  renderApp({ url });
  await screen.findByRole('heading', { level: 1, name: TITLE });
  await playerReady();
}

const config = () => useAppStore.getState().configs.receptive;
const layersParam = (layers: readonly StackLayer[]) => layers.map(formatLayer).join('.');

function choosePreset(label: RegExp) {
  const select = screen.getByLabelText('Presets');
  const option = within(select).getByRole('option', { name: label }) as HTMLOptionElement;
  act(() => {
    fireEvent.change(select, { target: { value: option.value } });
  });
}

/** The RF column of the per-layer table, input row first. */
function tableSizes(): number[] {
  const rows = within(screen.getByTestId('layer-table')).getAllByRole('row').slice(1);
  return rows.map((row) => Number(row.querySelectorAll('td')[row.querySelectorAll('td').length - 3]?.textContent));
}

/** Types a value into a NumberControl's text field and commits it. */
function typeInto(testId: string, value: string) {
  const field = within(screen.getByTestId(testId)).getByRole('textbox');
  act(() => {
    fireEvent.change(field, { target: { value } });
    fireEvent.blur(field);
  });
}

const noticeKeys = () => screen.getByTestId('link-notice').querySelector('.link-notice-keys')?.textContent;

function click(name: string | RegExp) {
  act(() => fireEvent.click(screen.getByRole('button', { name })));
}

/** Cells of one row of the 1-D view with a given state, by the units they stand for. */
function rowUnits(row: number, state: string): string[] {
  return [...screen.getByTestId('stack-diagram').querySelectorAll(`[data-row="${row}"] [data-state="${state}"]`)].map(
    (cell) => cell.getAttribute('data-units') ?? '',
  );
}

describe('Receptive field panel: the notes’ example', () => {
  it('three 3×3 layers with strides 1, 2, 1 grow the field 3, 5, 9, one layer per step, with the formula’s numbers', async () => {
    await openReceptive();
    expect(narration()).toBe('Layer 1 of 3 (conv 3×3, stride 1): RF = 1 + (3 − 1)·1 = 3 pixels. The jump between its neighbouring units is now 1.');
    stepTo(1);
    expect(narration()).toContain('RF = 3 + (3 − 1)·1 = 5 pixels');
    expect(narration()).toContain('now 2.');
    stepTo(2);
    expect(narration()).toContain('RF = 5 + (3 − 1)·2 = 9 pixels');
    expect(tableSizes()).toEqual([1, 3, 5, 9]);
    const formulas = screen.getByTestId('receptive-formulas');
    expect(formulas.querySelector('.formula-current annotation')?.textContent).toBe('RF_{3} = 5 + (3 - 1)\\cdot 2 = 9');
    expect([...formulas.querySelectorAll('annotation')].map((a) => a.textContent)).toContain('S_{2} = 1\\cdot 2 = 2');
    expect(screen.getByTestId('layer-table').querySelector('[aria-current="step"]')).toHaveAttribute('data-layer', '3');
    expect(screen.getByTestId('chart-current')).toBeInTheDocument();
  });

  it('the 1-D view lights the units the selected unit depends on, down to 9 input pixels, and grows one layer per step', async () => {
    await openReceptive();
    // Step 1: the centre output unit (3 of 8) is centred on input pixel 6; unit 6 of layer 1 sits there and reads pixels 5, 6, 7.
    expect(rowUnits(1, 'unit')).toEqual(['6']);
    expect(rowUnits(0, 'read')).toEqual(['5', '6', '7']);
    stepTo(2);
    const [lowest, highest] = [rowUnits(0, 'read').map(Number).at(0), rowUnits(0, 'read').map(Number).at(-1)];
    expect(rowUnits(0, 'read')).toHaveLength(9);
    expect((highest as number) - (lowest as number) + 1).toBe(9);
    expect(screen.getByTestId('stack-bracket')).toHaveTextContent('receptive field: 9');
  });

  it('selecting a unit at the border (click in the top row) lights the padding cells it reads', async () => {
    await openReceptive();
    stepTo(2);
    const topCell = screen.getByTestId('stack-diagram').querySelector('[data-row="3"] [data-units="0"]') as Element;
    act(() => fireEvent.click(topCell));
    expect(config().unit).toEqual([3, 0]);
    // Its field spans −4 … 4, but padding cells of the layers above lead nowhere: only pixels 0 … 4 and one padding cell are read.
    expect(rowUnits(0, 'padRead')).toEqual(['-1']);
    expect(rowUnits(0, 'read')).toEqual(['0', '1', '2', '3', '4']);
    expect(screen.getByTestId('stack-bracket')).toHaveTextContent('receptive field: 9');
  });

  it('the 2-D view draws the 9×9 square of the selected unit and its neighbour one jump (2 pixels) along', async () => {
    await openReceptive();
    stepTo(2);
    const square = screen.getByTestId('field-square');
    const neighbour = screen.getByTestId('field-neighbour');
    expect(Number(square.getAttribute('width'))).toBe(9);
    expect(Number(neighbour.getAttribute('x')) - Number(square.getAttribute('x'))).toBe(2);
    expect(screen.getByTestId('field-jump')).toHaveTextContent('jump 2');
  });

  it('the effective field is the engine’s uniform-weight gradient, non-zero on the 9×9 square, the centre counting more than the edge', async () => {
    await openReceptive();
    stepTo(2);
    // Worked out after the step is painted: until then the figure keeps the previous layer's field and says it is busy.
    const figure = screen.getByTestId('erf-cells').closest('figure') as HTMLElement;
    expect(figure).toHaveAttribute('aria-busy', 'true');
    await waitFor(() => expect(figure).toHaveAttribute('aria-busy', 'false'));
    const { layers, inputSize } = config();
    const expected = effectiveReceptiveField(inputSize, layers, [3, 3]);
    const cells = [...screen.getByTestId('erf-cells').querySelectorAll('rect')];
    expect(cells).toHaveLength(81);
    for (const cell of cells) {
      const x = Number(cell.getAttribute('x')) + 0.5;
      const y = Number(cell.getAttribute('y')) + 0.5;
      expect(Number(cell.getAttribute('data-value'))).toBeCloseTo(expected.map.data[y * inputSize + x] as number, 6);
    }
    expect(screen.getByTestId('erf-contrast')).toHaveTextContent(/The centre counts [\d.]+× as much/);
  });
});

describe('presets', () => {
  const finalSizes: [RegExp, number][] = [
    [/^Notes/, 9],
    [/VGG: two 3×3/, 5],
    [/One 5×5/, 5],
    [/VGG: three 3×3/, 7],
    [/One 7×7/, 7],
    [/LeNet-5/, 32],
    [/AlexNet/, 195],
    [/VGG-16/, 212],
    [/ResNet-18/, 435],
    [/d = 1, 2, 4, 8, 16/, 63],
    [/Hybrid/, 13],
  ];

  it.each(finalSizes)('%s ends with a receptive field of %i, shown at the last layer', async (label, size) => {
    await openReceptive();
    choosePreset(label);
    const { layers } = config();
    expect(tableSizes().at(-1)).toBe(size);
    expect(screen.getByTestId('step-count')).toHaveTextContent(`Step ${layers.length} of ${layers.length}`);
    expect(narration()).toContain(`= ${size} pixels`);
  });

  it('VGG-16 and ResNet-18 grow layer by layer as the receptive-field calculators list them', async () => {
    await openReceptive();
    choosePreset(/VGG-16/);
    expect(tableSizes()).toEqual([1, 3, 5, 6, 10, 14, 16, 24, 32, 40, 44, 60, 76, 92, 100, 132, 164, 196, 212]);
    choosePreset(/ResNet-18/);
    expect(tableSizes()).toEqual([1, 7, 11, 19, 27, 35, 43, 51, 67, 83, 99, 115, 147, 179, 211, 243, 307, 371, 435]);
    choosePreset(/AlexNet/);
    expect(tableSizes()).toEqual([1, 11, 19, 51, 67, 99, 131, 163, 195]);
    choosePreset(/LeNet-5/);
    expect(tableSizes()).toEqual([1, 5, 6, 14, 16, 32]);
  });

  it('every preset runs on its input, and the classic networks end at their familiar sizes (LeNet 1×1, AlexNet 6×6, VGG and ResNet 7×7)', () => {
    const outputs = Object.fromEntries(
      RECEPTIVE_PRESETS.map((preset) => {
        const { axes, issue } = layerStackGeometry(preset.config.inputSize, preset.config.layers);
        expect(issue).toBeNull();
        return [preset.id, axes.at(-1)?.output];
      }),
    );
    expect(outputs).toMatchObject({ lenet5: 1, alexnet: 6, vgg16: 7, resnet18: 7 });
  });

  it('two 3×3 against one 5×5, three 3×3 against one 7×7: the parameter counts of VGG’s argument at C = 64', async () => {
    await openReceptive();
    choosePreset(/VGG: two 3×3/);
    expect(screen.getByTestId('params-small')).toHaveTextContent('= 73856');
    expect(screen.getByTestId('params-small')).toHaveTextContent('(this stack)');
    expect(screen.getByTestId('params-single')).toHaveTextContent('= 102464');
    choosePreset(/One 7×7/);
    expect(screen.getByTestId('params-small')).toHaveTextContent('= 110784');
    expect(screen.getByTestId('params-single')).toHaveTextContent('= 200768');
    expect(screen.getByTestId('params-single')).toHaveTextContent('(this stack)');
    choosePreset(/^Notes/);
    expect(screen.queryByTestId('same-field')).toBeNull();
  });

  it('a stack too costly to propagate shows a note instead of the heatmap', async () => {
    const layers = layersParam(Array.from({ length: 20 }, () => ({ kind: 'conv', kernel: 11, stride: 1, padding: 5, dilation: 1 }) as StackLayer));
    await openReceptive(`?v=1&p=receptive&layers=${layers}&n=256&s=19`);
    expect(screen.getByTestId('erf-too-big')).toHaveTextContent('million multiply-adds');
    expect(tableSizes().at(-1)).toBe(201);
  });
});

describe('the rules, shown on the layer', () => {
  it('this layer’s stride leaves its field as it is and changes the next layer’s; padding leaves it too; pooling counts like conv', async () => {
    await openReceptive();
    stepTo(1);
    expect(screen.getByTestId('rule-stride')).toHaveTextContent('RF of layer 2: 5 → 5; its output: 8 → 16; RF of layer 3: 9 → 7');
    click('Stride 2 → 1');
    expect(config().layers[1]?.stride).toBe(1);
    expect(tableSizes()).toEqual([1, 3, 5, 7]);
    expect(screen.getByTestId('rule-padding')).toHaveTextContent('RF of layer 2: 5 → 5; its output: 16 → 18');
    click('Padding 1 → 2');
    expect(config().layers[1]?.padding).toBe(2);
    expect(tableSizes()).toEqual([1, 3, 5, 7]);
    click('Padding 2 → 3');
    stepTo(2);
    expect(screen.getByTestId('rule-pool')).toHaveTextContent('RF of layer 3: 7 → 7');
    click('Make it a max pool');
    expect(config().layers[2]?.kind).toBe('max');
    expect(tableSizes()).toEqual([1, 3, 5, 7]);
    click('Make it a conv');
    expect(config().layers[2]?.kind).toBe('conv');
  });

  it('dilation uses k′ = d(k − 1) + 1: d = 2 turns a 3×3 layer into k′ = 5 and adds 2·S to the field', async () => {
    await openReceptive();
    stepTo(2);
    expect(screen.getByTestId('rule-dilation')).toHaveTextContent('RF of layer 3: 9 → 13');
    click('Dilation 1 → 2');
    expect(config().layers[2]?.dilation).toBe(2);
    expect(tableSizes()).toEqual([1, 3, 5, 13]);
  });

  it('a change the stack cannot take is offered disabled, with the engine’s reason', async () => {
    await openReceptive('?v=1&p=receptive&layers=c3s1p16d16&n=16');
    expect(screen.getByRole('button', { name: 'Make it a max pool' })).toBeDisabled();
    expect(screen.getByTestId('rule-pool')).toHaveTextContent('padding 16 must be at most half the kernel size 3');
  });
});

describe('controls', () => {
  it('adds a layer after the one shown, moves layers up and down, removes them', async () => {
    await openReceptive();
    click('Add a 3×3 layer after layer 1');
    expect(config().layers.map(formatLayer)).toEqual(['c3s1p1d1', 'c3s1p1d1', 'c3s2p1d1', 'c3s1p1d1']);
    expect(useAppStore.getState().step).toBe(1);
    click('Move layer 3 up');
    expect(config().layers.map(formatLayer)).toEqual(['c3s1p1d1', 'c3s2p1d1', 'c3s1p1d1', 'c3s1p1d1']);
    click('Move layer 2 down');
    expect(config().layers.map(formatLayer)).toEqual(['c3s1p1d1', 'c3s1p1d1', 'c3s2p1d1', 'c3s1p1d1']);
    click('Remove layer 1');
    expect(config().layers.map(formatLayer)).toEqual(['c3s1p1d1', 'c3s2p1d1', 'c3s1p1d1']);
    expect(screen.getByRole('button', { name: 'Move layer 1 up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move layer 3 down' })).toBeDisabled();
  });

  it('a single layer cannot be removed, and a full stack of 20 takes no more', async () => {
    await openReceptive('?v=1&p=receptive&layers=c3');
    expect(screen.getByRole('button', { name: 'Remove layer 1' })).toBeDisabled();
    await openReceptive(`?v=1&p=receptive&layers=${Array(20).fill('c3s1p1d1').join('.')}`);
    expect(screen.getByTestId('add-layer')).toBeDisabled();
  });

  it('the layer list selects the layer shown, and the table’s layer buttons do too', async () => {
    await openReceptive();
    click(/^3 conv 3×3/);
    expect(useAppStore.getState().step).toBe(2);
    act(() => fireEvent.click(within(screen.getByTestId('layer-table')).getByRole('button', { name: 'Show layer 2' })));
    expect(useAppStore.getState().step).toBe(1);
  });

  it('edits the shown layer’s type, kernel, stride, padding and dilation, each limited to values the stack can run', async () => {
    await openReceptive();
    stepTo(2);
    act(() => fireEvent.change(screen.getByTestId('layer-kind'), { target: { value: 'avg' } }));
    expect(config().layers[2]).toMatchObject({ kind: 'avg' });
    expect(screen.getByTestId('layer-settings')).toHaveTextContent('Average pooling has no dilation');
    act(() => fireEvent.change(screen.getByTestId('layer-kind'), { target: { value: 'conv' } }));
    typeInto('layer-kernel', '5');
    typeInto('layer-stride', '3');
    typeInto('layer-padding', '2');
    typeInto('layer-dilation', '2');
    expect(config().layers[2]).toEqual({ kind: 'conv', kernel: 5, stride: 3, padding: 2, dilation: 2 });
    expect(tableSizes().at(-1)).toBe(5 + 2 * 4 * 2);
    // Layer 3 reads 8 cells: with padding 2 a dilated 5-tap kernel (k′ = 9) fits up to 12, and the field says so.
    typeInto('layer-kernel', '9');
    expect(config().layers[2]?.kernel).toBe(6);
    expect(screen.getByTestId('layer-kernel')).toHaveTextContent('Kernel k must be between 1 and 6; using 6.');
  });

  it('sets the input size within the sizes the stack runs on, and the output unit’s row and column, or the centre', async () => {
    await openReceptive();
    typeInto('input-size', '3');
    expect(config().inputSize).toBe(3);
    typeInto('input-size', '0');
    expect(config().inputSize).toBe(1);
    expect(screen.getByTestId('input-size')).toHaveTextContent('must be between 1 and 256');
    typeInto('input-size', '20');
    typeInto('unit-row', '1');
    typeInto('unit-col', '7');
    expect(config().unit).toEqual([1, 7]);
    expect(screen.getByTestId('field-square')).toBeInTheDocument();
    click('Centre unit');
    expect(config().unit).toBeNull();
  });

  it('a stack change that removes the selected unit goes back to the centre unit', async () => {
    await openReceptive('?v=1&p=receptive&u=7,7');
    expect(config().unit).toEqual([7, 7]);
    stepTo(1);
    click('Stride 2 → 1');
    expect(config().unit).toEqual([7, 7]);
    stepTo(0);
    click('Stride 1 → 2');
    expect(config().layers.map((l) => l.stride)).toEqual([2, 1, 1]);
    expect(config().unit).toEqual([7, 7]);
    stepTo(1);
    click('Stride 1 → 2');
    // 16 → 8 → 4 → 4: unit 7 is gone.
    expect(config().layers.map((l) => l.stride)).toEqual([2, 2, 1]);
    expect(config().unit).toBeNull();
  });
});

describe('the link', () => {
  it('every field round-trips: layers, input size, unit and the step', async () => {
    const url = '?v=1&p=receptive&s=1&layers=c5s1p0d1.a2s2p0d1.m3s1p1d2&n=20&u=1,2';
    await openReceptive(url);
    expect(config()).toEqual({
      layers: [
        { kind: 'conv', kernel: 5, stride: 1, padding: 0, dilation: 1 },
        { kind: 'avg', kernel: 2, stride: 2, padding: 0, dilation: 1 },
        { kind: 'max', kernel: 3, stride: 1, padding: 1, dilation: 2 },
      ],
      inputSize: 20,
      unit: [1, 2],
    });
    expect(encodeView(selectView(useAppStore.getState()))).toBe(url);
    expect(narration()).toContain('Layer 2 of 3');
  });

  it('the Dilation panel’s link opens its stack: 5, 9, 13, and the defaults are left out of the link', async () => {
    await openReceptive('?v=1&p=receptive&layers=c3s1p2d2.c3s1p2d2.c3s1p2d2');
    expect(tableSizes()).toEqual([1, 5, 9, 13]);
    expect(stackReceptiveField(config().layers).map((e) => e.size)).toEqual([5, 9, 13]);
    choosePreset(/^Notes/);
    stepTo(0);
    expect(encodeView(selectView(useAppStore.getState()))).toBe('?v=1&p=receptive');
  });

  it('a hand-written short form reads with stride 1, padding 0, dilation 1 and is written back in full', async () => {
    await openReceptive('?v=1&p=receptive&layers=c3.m2s2.c3');
    expect(config().layers.map(formatLayer)).toEqual(['c3s1p0d1', 'm2s2p0d1', 'c3s1p0d1']);
    expect(encodeView(selectView(useAppStore.getState()))).toBe('?v=1&p=receptive&layers=c3s1p0d1.m2s2p0d1.c3s1p0d1');
  });

  it.each([
    ['layers', 'x3s1p0d1'],
    ['layers', 'c99s1p0d1'],
    ['layers', 'c3s5p0d1'],
    ['layers', 'c3s1p17d1'],
    ['layers', 'a3s1p0d2'],
    ['layers', ''],
    ['layers', 'c3..c3'],
    ['layers', '<script>alert(1)</script>'],
    ['layers', Array(21).fill('c3').join('.')],
    ['n', '0'],
    ['n', '257'],
    ['n', '1e2'],
    ['u', '-1'],
    ['u', 'centre'],
    ['u', '1,2,3'],
  ])('a bad %s (%s) falls back to the default and says so', async (key, value) => {
    await openReceptive(`?v=1&p=receptive&${key}=${encodeURIComponent(value)}`);
    expect(noticeKeys()).toBe(key);
    expect(config()).toEqual(RECEPTIVE_PRESETS[0]?.config);
    expect(document.querySelector('script')).toBeNull();
    expect(tableSizes()).toEqual([1, 3, 5, 9]);
  });

  it('an input too small for the stack resets the input size; a unit outside the last layer goes back to the centre', async () => {
    await openReceptive('?v=1&p=receptive&layers=c5s1p0d1.c5s1p0d1&n=6');
    expect(config().inputSize).toBe(16);
    expect(config().layers).toHaveLength(2);
    expect(noticeKeys()).toBe('n');
    await openReceptive('?v=1&p=receptive&u=8,0');
    expect(config().unit).toBeNull();
    expect(noticeKeys()).toBe('u');
  });

  it('VGG-16 layers without their input size cannot run on the default 16 pixels: the notice names layers', async () => {
    const vgg = RECEPTIVE_PRESETS.find((preset) => preset.id === 'vgg16')?.config.layers ?? [];
    await openReceptive(`?v=1&p=receptive&layers=${layersParam(vgg)}`);
    expect(noticeKeys()).toBe('layers');
    expect(tableSizes()).toEqual([1, 3, 5, 9]);
  });
});

describe('languages', () => {
  it('renders in Chinese with the notes’ terms', async () => {
    await openReceptive('?v=1&p=receptive&lang=zh&s=2');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('感受野');
    expect(narration()).toBe('第 3 层（共 3 层，卷积 3×3，步幅 1）：感受野 = 5 + (3 − 1)·2 = 9 个像素。相邻单元之间的间距现在是 2。');
    expect(screen.getByTestId('layer-table')).toHaveTextContent('卷积');
    expect(screen.getByLabelText('预设')).toBeInTheDocument();
  });

  it('renders in English', async () => {
    await openReceptive('?v=1&p=receptive&lang=en');
    expect(screen.getByRole('heading', { level: 2, name: 'On the input: layer 1' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Rules to try on layer 1' })).toBeInTheDocument();
  });
});
