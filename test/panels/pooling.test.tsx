// @vitest-environment jsdom
// The Pooling panel over the real engine: the notes' 4×4 numbers, padding/ceil/divisor rules, backward gradients, channels, adaptive and SPP, links.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { adaptiveMaxPool2d, avgPool2d, avgPool2dBackward, maxPool2d, maxPool2dBackward, tensor, type Tensor } from '../../src/engine/index.ts';
import { useAppStore, selectView } from '../../src/state/store.ts';
import { encodeView } from '../../src/url/codec.ts';
import { regionPattern } from '../../src/panels/pooling/poolingConfig.ts';
import { cellText, gridCell, gridValues, highlighted, narration, renderApp, stepTo, playerReady } from '../helpers/renderApp.tsx';

const FOUR_BY_FOUR = tensor(
  Array.from({ length: 16 }, (_, i) => i),
  [1, 4, 4],
);
const OVERLAP = tensor([1, 3, 2, 0, 1, 4, 2, 6, 1, 3, 0, 5, 9, 2, 4, 2, 1, 3, 8, 0, 3, 0, 2, 1, 2], [1, 5, 5]);

async function openPooling(url = '?v=1&p=pooling') {
  renderApp({ url });
  await screen.findByRole('heading', { level: 1, name: /^(Pooling|池化)$/ });
  await playerReady();
}

function choosePreset(label: RegExp) {
  const select = screen.getByLabelText('Presets');
  const option = within(select).getByRole('option', { name: label }) as HTMLOptionElement;
  act(() => {
    fireEvent.change(select, { target: { value: option.value } });
  });
}

const number = (text: string) => Number(text.replace('\u2212', '-'));
const numbers = (testId: string) => gridValues(testId).map((row) => row.map(number));
const config = () => useAppStore.getState().configs.pooling;
/** Rows × cols of a tensor's channel `c`, as a grid would show them. */
const plane = (t: Tensor, c = 0) => {
  const [, rows = 0, cols = 0] = t.shape;
  return Array.from({ length: rows }, (_, y) => Array.from({ length: cols }, (_, x) => t.data[(c * rows + y) * cols + x] ?? NaN));
};

function typeInto(testId: string, axis: 'height' | 'width', value: string) {
  const field = within(screen.getByTestId(testId)).getAllByRole('textbox')[axis === 'height' ? 0 : 1] as HTMLElement;
  act(() => {
    fireEvent.change(field, { target: { value } });
    fireEvent.blur(field);
  });
}

describe('Pooling panel: forward', () => {
  it('the notes’ 4×4 input (0…15), 2×2 max pooling, stride 2: [[5, 7], [13, 15]], stepped with the numbers', async () => {
    await openPooling();
    expect(narration()).toBe('Output (0, 0) = max(0, 1, 4, 5) = 5.');
    stepTo(1);
    expect(narration()).toBe('Output (0, 1) = max(2, 3, 6, 7) = 7.');
    expect(highlighted('grid-input', 'window')).toEqual(['0,2', '0,3', '1,2']);
    expect(highlighted('grid-input', 'output')).toEqual(['1,3']);
    expect(gridValues('grid-output')).toEqual([
      ['5', '7'],
      ['', ''],
    ]);
    expect(document.querySelector('.formula-current')?.textContent).toContain('7');
    stepTo(3);
    expect(numbers('grid-output')).toEqual([
      [5, 7],
      [13, 15],
    ]);
    expect(numbers('grid-output')).toEqual(plane(maxPool2d(FOUR_BY_FOUR, { kernelSize: 2 })));
  });

  it('the same with average pooling: [[2.5, 4.5], [10.5, 12.5]], each output showing its divisor ÷4', async () => {
    await openPooling();
    choosePreset(/4×4, 2×2 average pooling/);
    stepTo(1);
    expect(narration()).toBe('Output (0, 1) = (2 + 3 + 6 + 7) / 4 = 4.5.');
    stepTo(3);
    expect(numbers('grid-output')).toEqual([
      [2.5, 4.5],
      [10.5, 12.5],
    ]);
    expect(numbers('grid-output')).toEqual(plane(avgPool2d(FOUR_BY_FOUR, { kernelSize: 2 })));
    expect(gridCell('grid-output', 1, 1).textContent).toContain('÷4');
  });

  it('shows the stride as the default (= window) until it is set, and the checkbox brings the default back', async () => {
    await openPooling();
    expect(screen.getByTestId('pool-stride')).toHaveTextContent('Stride (default: = window)');
    expect(screen.getByTestId('stride-default')).toBeChecked();
    typeInto('pool-stride', 'width', '1');
    expect(config().stride).toEqual([2, 1]);
    expect(screen.getByTestId('stride-default')).not.toBeChecked();
    expect(gridValues('grid-output')[0]).toHaveLength(3);
    act(() => {
      fireEvent.click(screen.getByTestId('stride-default'));
    });
    expect(config().stride).toBeNull();
    typeInto('pool-kernel', 'height', '3');
    expect(config().kernel).toEqual([3, 2]);
    // Stride follows the kernel: 4×4 with a 3×2 window at stride (3, 2) → 1×2.
    expect(gridValues('grid-output')).toHaveLength(1);
    expect(gridValues('grid-output')[0]).toHaveLength(2);
  });

  it('max pooling shows padding as −∞ and never picks it: max(−∞, −∞, −∞, 0) = 0', async () => {
    await openPooling('?v=1&p=pooling&pad=1');
    expect(cellText(gridCell('grid-input', -1, -1))).toBe('−∞');
    expect(narration()).toContain('max(−∞, −∞, −∞, 0) = 0');
    expect(narration()).toContain('never the maximum');
    expect(screen.getByTestId('pool-rules')).toHaveTextContent('never a candidate');
  });

  it('count_include_pad on a constant 4: True gives 1, 2, 4 (padding in the divisor), False gives 4 everywhere', async () => {
    await openPooling();
    choosePreset(/count_include_pad = True/);
    expect(cellText(gridCell('grid-input', -1, 0))).toBe('0');
    expect(narration()).toBe(
      'Output (0, 0) = (0 + 0 + 0 + 4) / 4 = 1. The 3 padding cells count as 0 and are in the divisor (count_include_pad = True).',
    );
    stepTo(8);
    expect(numbers('grid-output')).toEqual([
      [1, 2, 1],
      [2, 4, 2],
      [1, 2, 1],
    ]);
    act(() => {
      fireEvent.click(screen.getByTestId('count-include-pad'));
    });
    expect(config().countIncludePad).toBe(false);
    expect(cellText(gridCell('grid-input', -1, 0))).toBe('–');
    expect(numbers('grid-output')).toEqual([
      [4, 4, 4],
      [4, 4, 4],
      [4, 4, 4],
    ]);
    expect(gridCell('grid-output', 0, 0).textContent).toContain('÷1');
    stepTo(0);
    expect(narration()).toContain('(4) / 1 = 4');
    expect(narration()).toContain('divisor counts real cells only');
  });

  it('ceil mode: the last window hangs past the edge (dotted cells), and its divisor counts only what is inside', async () => {
    await openPooling();
    choosePreset(/last window hangs past the edge/);
    stepTo(8);
    expect(numbers('grid-output')).toEqual(
      plane(
        avgPool2d(
          tensor(
            Array.from({ length: 25 }, (_, i) => i),
            [1, 5, 5],
          ),
          { kernelSize: 2, ceilMode: true },
        ),
      ),
    );
    expect(narration()).toContain('(24) / 1 = 24');
    expect(narration()).toContain('3 cells of the window lie past the padding');
    expect(gridCell('grid-input', 5, 5)).toHaveClass('is-overhang');
    expect(cellText(gridCell('grid-input', 5, 5))).toBe('');
    expect(highlighted('grid-input', 'window')).toEqual(['4,4', '4,5', '5,4', '5,5']);
    expect(screen.getByTestId('pool-rules')).toHaveTextContent('Dotted cells lie past the padding');
  });

  it('ceil mode: a window that would start in the padding is dropped and drawn dashed, with the − 1 in the formula', async () => {
    await openPooling();
    choosePreset(/a window starting in the padding is dropped/);
    stepTo(8);
    expect(gridValues('grid-output')).toHaveLength(3);
    expect(document.querySelectorAll('[data-testid="grid-input"] .region-dropped')).toHaveLength(2);
    expect(gridCell('grid-input', 6, 6)).toHaveClass('is-overhang');
    expect(screen.getByTestId('pool-rules')).toHaveTextContent('one more window starting at row 5 and one starting at column 5');
    expect(document.querySelector('.formulas')?.textContent).toMatch(/\+1−1=3/);
  });

  it('ties in max pooling: the first maximal cell in window order is the one recorded', async () => {
    await openPooling();
    choosePreset(/Ties in max pooling/);
    expect(narration()).toBe('Output (0, 0) = max(5, 5, 3, 5) = 5. 3 cells tie; the first in window order, (0, 0), is the one recorded.');
    expect(highlighted('grid-input', 'output')).toEqual(['0,0']);
  });

  it('dilation (max only) spreads the window, and choosing average pooling drops it', async () => {
    await openPooling();
    choosePreset(/dilation 2/);
    expect(highlighted('grid-input', 'window')).toEqual(['0,0', '0,2', '2,0']);
    expect(highlighted('grid-input', 'output')).toEqual(['2,2']);
    expect(narration()).toBe('Output (0, 0) = max(0, 2, 10, 12) = 12.');
    typeInto('pool-dilation', 'width', '1');
    expect(config().dilation).toEqual([2, 1]);
    act(() => {
      fireEvent.click(screen.getByRole('radio', { name: 'Average' }));
    });
    expect(config().kind).toBe('avg');
    expect(config().dilation).toEqual([1, 1]);
    expect(screen.queryByTestId('pool-dilation')).toBeNull();
    expect(screen.getByText(/Dilation: max pooling only/)).toBeInTheDocument();
  });

  it('padding is limited to half the window, per axis', async () => {
    await openPooling();
    typeInto('pool-padding', 'height', '2');
    expect(config().padding).toEqual([1, 0]);
    typeInto('pool-kernel', 'width', '1');
    expect(config().kernel).toEqual([2, 1]);
    expect(config().padding).toEqual([1, 0]);
  });

  it('ceil mode is a checkbox: 5×5 at k 2 gives 2×2, then 3×3', async () => {
    await openPooling('?v=1&p=pooling&x=0,1,2,3,4;5,6,7,8,9;10,11,12,13,14;15,16,17,18,19;20,21,22,23,24');
    stepTo(99);
    expect(gridValues('grid-output')).toHaveLength(2);
    act(() => {
      fireEvent.click(screen.getByTestId('ceil-mode'));
    });
    expect(config().ceilMode).toBe(true);
    expect(gridValues('grid-output')).toHaveLength(3);
  });

  it('the input size and values can be edited', async () => {
    await openPooling();
    typeInto('pool-input-size', 'width', '6');
    expect(config().input[0]?.[0]).toHaveLength(6);
    act(() => {
      fireEvent.click(within(screen.getByTestId('pool-input-editor-0')).getByRole('button', { name: /Edit/ }));
    });
    const textarea = within(screen.getByTestId('pool-input-editor-0')).getByRole('textbox');
    act(() => {
      fireEvent.change(textarea, { target: { value: '1 2\n3 9' } });
    });
    act(() => {
      fireEvent.click(within(screen.getByTestId('pool-input-editor-0')).getByRole('button', { name: /Apply/ }));
    });
    expect(config().input).toEqual([
      [
        [1, 2],
        [3, 9],
      ],
    ]);
    expect(narration()).toBe('Output (0, 0) = max(1, 2, 3, 9) = 9.');
  });
});

describe('Pooling panel: backward', () => {
  it('max: each output gradient goes to its argmax; the grid equals maxPool2dBackward', async () => {
    await openPooling('?v=1&p=pooling&dir=backward');
    stepTo(1);
    expect(narration()).toBe('Gradient 1 of output (0, 1) goes to its max cell (1, 3); the other 3 cells of the window get 0 from it.');
    expect(highlighted('grid-grad-input', 'output')).toEqual(['1,3']);
    stepTo(3);
    const ones = tensor([1, 1, 1, 1], [1, 2, 2]);
    expect(numbers('grid-grad-input')).toEqual(plane(maxPool2dBackward(ones, FOUR_BY_FOUR, { kernelSize: 2 })));
    expect(numbers('grid-grad-input')).toEqual([
      [0, 0, 0, 0],
      [0, 1, 0, 1],
      [0, 0, 0, 0],
      [0, 1, 0, 1],
    ]);
  });

  it('average: each gradient is spread ÷ 4 over the window; the grid equals avgPool2dBackward', async () => {
    await openPooling('?v=1&p=pooling&op=avg&dir=backward&g=count');
    stepTo(1);
    expect(narration()).toBe('Gradient 2 of output (0, 1) is shared out: 2 / 4 = 0.5 to each of the 4 real cells of the window.');
    expect(gridCell('grid-grad-input', 0, 2).textContent).toContain('+0.5');
    stepTo(3);
    const counts = tensor([1, 2, 3, 4], [1, 2, 2]);
    expect(numbers('grid-grad-input')).toEqual(plane(avgPool2dBackward(counts, FOUR_BY_FOUR, { kernelSize: 2 })));
    expect(numbers('grid-grad-output')).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('overlapping windows (3×3, stride 2) add up: all four pick the 9, which collects 1 + 2 + 3 + 4 = 10', async () => {
    await openPooling();
    choosePreset(/Overlapping windows/);
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Backward (gradients)' }));
    });
    act(() => {
      fireEvent.change(screen.getByTestId('gradient-fill'), { target: { value: 'count' } });
    });
    expect(config().pass).toBe('backward');
    expect(config().gradient).toBe('count');
    stepTo(3);
    expect(narration()).toContain('Overlapping windows add up: (2, 2) = 6 + 4 = 10.');
    const counts = tensor([1, 2, 3, 4], [1, 2, 2]);
    expect(numbers('grid-grad-input')).toEqual(plane(maxPool2dBackward(counts, OVERLAP, { kernelSize: 3, stride: 2 })));
    expect(numbers('grid-grad-input')[2]?.[2]).toBe(10);
    expect(screen.getByTestId('pool-rules')).toHaveTextContent('windows overlap');
  });

  it('average pooling with padding counted: the shares that fall on padding go nowhere', async () => {
    await openPooling('?v=1&p=pooling&op=avg&pad=1&dir=backward');
    expect(narration()).toBe(
      'Gradient 1 of output (0, 0) is shared out: 1 / 4 = 0.25 to each of the 1 real cells of the window. The 3 shares that fall on padding go nowhere.',
    );
    stepTo(99);
    const ones = tensor(new Array(9).fill(1), [1, 3, 3]);
    expect(numbers('grid-grad-input')).toEqual(plane(avgPool2dBackward(ones, FOUR_BY_FOUR, { kernelSize: 2, padding: 1 })));
  });

  it('a seeded gradient is reproducible and its seed can be changed', async () => {
    await openPooling('?v=1&p=pooling&dir=backward&g=seeded&gs=5');
    const first = gridValues('grid-grad-output');
    typeInto('gradient-seed', 'height', '6');
    expect(config().gradientSeed).toBe(6);
    expect(gridValues('grid-grad-output')).not.toEqual(first);
    stepTo(99);
    const shown = numbers('grid-grad-output').flat();
    expect(numbers('grid-grad-input')).toEqual(plane(maxPool2dBackward(tensor(shown, [1, 2, 2]), FOUR_BY_FOUR, { kernelSize: 2 })));
  });
});

describe('Pooling panel: channels, global, adaptive and pyramid pooling', () => {
  it('3 channels are pooled one by one and stay 3; the stepper walks through every channel', async () => {
    await openPooling();
    choosePreset(/3 channels/);
    expect(screen.getByTestId('pool-shapes')).toHaveTextContent('[3, 4, 4] → [3, 2, 2]');
    expect(screen.getByText(/never mixes channels/)).toBeInTheDocument();
    stepTo(4);
    expect(narration()).toMatch(/^Channel 1: Output \(0, 0\) = max\(/);
    expect(screen.getByTestId('pool-channel-1')).toHaveClass('is-current');
    expect(screen.getByTestId('step-count')).toHaveTextContent('5 of 12');
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'C = 2' }));
    });
    expect(config().input).toHaveLength(2);
    expect(screen.getByTestId('pool-shapes')).toHaveTextContent('[2, 4, 4] → [2, 2, 2]');
  });

  it('global average pooling turns the 0…15 channel into 120 / (4·4) = 7.5', async () => {
    await openPooling();
    expect(gridValues('grid-gap')).toEqual([['7.5']]);
  });

  it('adaptive pooling draws its bins: 5 rows into 3 bins are [0, 2) [1, 4) [3, 5); picking a bin shows its rule', async () => {
    await openPooling();
    expect(screen.getByText('All row bins').parentElement).toHaveTextContent('[0, 2) [1, 4) [3, 5)');
    expect(screen.getByText('All column bins').parentElement).toHaveTextContent('[0, 3) [2, 5) [4, 7)');
    expect(document.querySelectorAll('[data-testid="grid-adaptive-input"] .grid-region')).toHaveLength(10);
    act(() => {
      fireEvent.click(gridCell('grid-adaptive-output', 1, 1));
    });
    expect(screen.getByTestId('adaptive-narration')).toHaveTextContent('Output (1, 1) pools rows 1–3 and columns 2–4.');
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Next bin' }));
    });
    expect(screen.getByTestId('adaptive-narration')).toHaveTextContent('Output (1, 2) pools rows 1–3 and columns 4–6.');
    const region = tensor(regionPattern(5, 7).flat(), [1, 5, 7]);
    expect(numbers('grid-adaptive-output')).toEqual(plane(adaptiveMaxPool2d(region, 3)));
    typeInto('adaptive-output', 'width', '2');
    expect(config().adaptiveOutput).toEqual([3, 2]);
  });

  it('spatial pyramid pooling: levels 4, 2, 1 give 21 values, and the length stays 21 when the input size changes', async () => {
    await openPooling();
    expect(screen.getByTestId('spp-length')).toHaveTextContent('Length 21 for this 5×7 input');
    typeInto('region-size', 'height', '11');
    typeInto('region-size', 'width', '3');
    expect(config().regionSize).toEqual([11, 3]);
    expect(screen.getByTestId('spp-length')).toHaveTextContent('Length 21 for this 11×3 input');
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Add a level' }));
    });
    expect(config().pyramid).toEqual([4, 2, 1, 1]);
    expect(screen.getByTestId('spp-length')).toHaveTextContent('Length 22');
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: '3×3, 2×2, 1×1' }));
    });
    expect(screen.getByTestId('spp-length')).toHaveTextContent('Length 14');
    expect(gridValues('grid-spp-vector')[0]).toHaveLength(14);
    expect(document.querySelectorAll('[data-testid="grid-spp-vector"] .grid-region')).toHaveLength(3);
  });

  it('the notes’ table compares convolution and pooling in four rows', async () => {
    await openPooling();
    const table = screen.getByTestId('pool-compare');
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    expect(table).toHaveTextContent('None: pooling adds no parameters');
  });
});

describe('Pooling panel: links and languages', () => {
  it('every field round-trips through the link (max pooling)', async () => {
    const url =
      '?v=1&p=pooling&s=3&x=0,1,2,3,4;5,6,7,8,9;1,2,3,4,5;6,7,8,9,0;2,3,4,5,6_9,8,7,6,5;4,3,2,1,0;9,8,7,6,5;4,3,2,1,0;9,8,7,6,5' +
      '&k=3,2&st=2,1&pad=1&dl=1,2&ceil=1&dir=backward&g=seeded&gs=7&ai=6,4&ao=2,3&spp=3,1';
    await openPooling(url);
    const c = config();
    expect(c.input).toHaveLength(2);
    expect(c.kernel).toEqual([3, 2]);
    expect(c.stride).toEqual([2, 1]);
    expect(c.padding).toEqual([1, 1]);
    expect(c.dilation).toEqual([1, 2]);
    expect(c.ceilMode).toBe(true);
    expect(c.pass).toBe('backward');
    expect(c.gradient).toBe('seeded');
    expect(c.gradientSeed).toBe(7);
    expect(c.regionSize).toEqual([6, 4]);
    expect(c.adaptiveOutput).toEqual([2, 3]);
    expect(c.pyramid).toEqual([3, 1]);
    expect(screen.queryByTestId('link-notice')).toBeNull();
    expect(encodeView(selectView(useAppStore.getState()))).toBe(url);
  });

  it('average pooling’s fields round-trip too', async () => {
    const url = '?v=1&p=pooling&op=avg&pad=1&cip=0&g=count';
    await openPooling(url);
    expect(config().kind).toBe('avg');
    expect(config().countIncludePad).toBe(false);
    expect(encodeView(selectView(useAppStore.getState()))).toBe(url);
  });

  it.each([
    ['op=min', 'op'],
    ['x=1,2;3,4_1,2,3;4,5,6', 'x'],
    ['x=1_2_3_4', 'x'],
    ['k=9', 'k'],
    ['st=0', 'st'],
    ['pad=1,2&k=2', 'pad'],
    ['op=avg&dl=2', 'dl'],
    ['x=1', 'x'],
    ['ceil=yes', 'ceil'],
    ['gs=-1', 'gs'],
    ['ai=13', 'ai'],
    ['spp=9,1', 'spp'],
    ['dir=sideways', 'dir'],
  ])('a bad link value (%s) falls back to the default and the notice names %s', async (query, key) => {
    await openPooling(`?v=1&p=pooling&${query}`);
    expect(useAppStore.getState().notice.map((field) => field.key)).toEqual([key]);
    expect(screen.getByTestId('link-notice')).toHaveTextContent(key);
    expect(narration()).toMatch(/^Output \(0, 0\)/);
  });

  it('renders in Chinese', async () => {
    await openPooling('?v=1&p=pooling&lang=zh&s=1');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('池化');
    expect(narration()).toBe('输出 (0, 1) = max(2, 3, 6, 7) = 7。');
    expect(screen.getByTestId('pool-compare')).toHaveTextContent('零填充时输出维度不变，而通道数改变');
    expect(screen.getByRole('radio', { name: '平均池化' })).toBeInTheDocument();
  });
});
