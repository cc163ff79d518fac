// @vitest-environment jsdom
// The Channels panel over the real engine: the notes' presets and numbers, 1×1 = matrix on screen, groups, cost, 3-D, every control, links, languages.
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { conv2d, conv3d, tensor } from '../../src/engine/index.ts';
import { CHANNELS_DEFAULTS, exceedsLink } from '../../src/panels/channels/channelsConfig.ts';
import { blobVolume } from '../../src/panels/channels/channelsLayer.ts';
import { snapGroups } from '../../src/panels/channels/GroupsView.tsx';
import { selectView, useAppStore } from '../../src/state/store.ts';
import { encodeView } from '../../src/url/codec.ts';
import { gridValues, highlighted, narration, renderApp, stepTo, playerReady } from '../helpers/renderApp.tsx';

async function openChannels(url = '?v=1&p=channels') {
  renderApp({ url });
  await screen.findByRole('heading', { level: 1, name: /Channels and cost|通道与计算量/ });
  await playerReady();
}

const numbers = (rows: string[][]) => rows.flat().map((text) => Number(text.replace('\u2212', '-')));
const config = () => useAppStore.getState().configs.channels;

/** The TeX sources of the formulas inside an element (KaTeX keeps them in its MathML annotation). */
function texIn(testId: string): string {
  return [...screen.getByTestId(testId).querySelectorAll('annotation')].map((a) => a.textContent ?? '').join(' | ');
}

function choose(label: string | RegExp, option: RegExp) {
  const select = screen.getByLabelText(label);
  const choice = within(select).getByRole('option', { name: option }) as HTMLOptionElement;
  act(() => {
    fireEvent.change(select, { target: { value: choice.value } });
  });
}

function typeInto(testId: string, value: string, index = 0) {
  const field = within(screen.getByTestId(testId)).getAllByRole('textbox')[index] as HTMLElement;
  act(() => {
    fireEvent.change(field, { target: { value } });
    fireEvent.blur(field);
  });
}

function slide(testId: string, value: number) {
  act(() => {
    fireEvent.change(within(screen.getByTestId(testId)).getAllByRole('slider')[0] as HTMLElement, { target: { value: String(value) } });
  });
}

describe('Channels panel: input channels', () => {
  it('the notes’ two channels: 19 + 37 = 56 at the first step, 56, 72, 104, 120 at the end', async () => {
    await openChannels();
    expect(narration()).toBe('Output channel 0, cell (0, 0): channel 0: 19; channel 1: 37; added up = 56.');
    expect(highlighted('ch-input-0', 'window')).toEqual(['0,0', '0,1', '1,0', '1,1']);
    expect(document.querySelector('.formula-current annotation')?.textContent).toBe(
      'y_{0,0,0} = (0\\times 0 + 1\\times 1 + 3\\times 2 + 4\\times 3) + (1\\times 1 + 2\\times 2 + 4\\times 3 + 5\\times 4) = 56',
    );
    stepTo(3);
    expect(numbers(gridValues('ch-partial-0'))).toEqual([19, 25, 37, 43]);
    expect(numbers(gridValues('ch-partial-1'))).toEqual([37, 47, 67, 77]);
    expect(numbers(gridValues('ch-output'))).toEqual([56, 72, 104, 120]);
    expect(narration()).toContain('channel 0: 43; channel 1: 77; added up = 120');
  });

  it('later cells wait for their step, and the bias is added after the channels', async () => {
    await openChannels('?v=1&p=channels&b=0.5');
    expect(gridValues('ch-output')).toEqual([
      ['56.5', ''],
      ['', ''],
    ]);
    expect(narration()).toContain('plus the bias 0.5 = 56.5');
  });

  it('four channels of 3×3 (36 products) write each channel as its sum, the value of its “Channel c alone” grid, and say so', async () => {
    const ones = '1,1,1;1,1,1;1,1,1';
    const plane = (value: number) => Array.from({ length: 3 }, () => `${value},${value},${value}`).join(';');
    await openChannels(`?v=1&p=channels&x=${[1, 2, 3, 4].map(plane).join('_')}&w=${[ones, ones, ones, ones].join('_')}`);
    const partials = [0, 1, 2, 3].map((c) => numbers(gridValues(`ch-partial-${c}`))[0]);
    expect(partials).toEqual([9, 18, 27, 36]);
    expect(document.querySelector('.formula-current annotation')?.textContent).toBe('y_{0,0,0} = 9 + 18 + 27 + 36 = 90');
    expect(screen.getByText(/36 products in all: each channel’s bracket is written as its sum/)).toBeInTheDocument();
    act(() => useAppStore.getState().setLanguage('zh'));
    expect(screen.getByText(/共 36 个乘积：每个通道的括号只写出它的和/)).toBeInTheDocument();
  });
});

describe('Channels panel: output channels', () => {
  it('the notes’ K, K+1, K+2 give three output channels, and the weights are a 3 × 2 × 2 × 2 bookcase', async () => {
    await openChannels();
    choose('Presets (the layer)', /3 output channels from K, K\+1, K\+2/);
    expect(config().view).toBe('outputs');
    stepTo(999);
    expect(numbers(gridValues('ch-output-0'))).toEqual([56, 72, 104, 120]);
    expect(numbers(gridValues('ch-output-1'))).toEqual([76, 100, 148, 172]);
    expect(numbers(gridValues('ch-output-2'))).toEqual([96, 128, 192, 224]);
    expect(screen.getByText(/4-D tensor c_out × c_in × k_h × k_w = 3 × 2 × 2 × 2/)).toBeInTheDocument();
    expect(screen.getByTestId('ch-book-2')).toHaveAttribute('aria-current', 'true');
    stepTo(4);
    expect(screen.getByTestId('ch-book-1')).toHaveAttribute('aria-current', 'true');
    expect(
      gridValues('ch-output-2')
        .flat()
        .every((text) => text === ''),
    ).toBe(true);
  });

  it('with one output channel the view offers the notes’ example', async () => {
    await openChannels('?v=1&p=channels&view=outputs');
    fireEvent.click(screen.getByRole('button', { name: /Load the notes’ example: 3 output channels/ }));
    expect(config().weight).toHaveLength(3);
  });
});

describe('Channels panel: 1×1 convolution = a matrix at every pixel', () => {
  it('the notes’ 3 → 2 example: conv2d and W·X show the same numbers, equal to the engine, and the screen says so', async () => {
    await openChannels('?v=1&p=channels&view=pointwise');
    fireEvent.click(screen.getByRole('button', { name: /Load the notes’ 1×1 example/ }));
    const { input, weight } = config();
    const expected = conv2d(tensor(input.flat(2), [3, 3, 3]), tensor(weight.flat(3), [2, 3, 1, 1]));
    for (const o of [0, 1]) {
      const viaConv = numbers(gridValues(`ch-conv-out-${o}`));
      expect(viaConv).toEqual(Array.from(expected.data.subarray(o * 9, o * 9 + 9)));
      expect(numbers(gridValues(`ch-matrix-out-${o}`))).toEqual(viaConv);
      expect(numbers([gridValues('ch-matrix-y')[o] ?? []])).toEqual(viaConv);
    }
    expect(screen.getByTestId('pointwise-equal')).toHaveTextContent('✓ Both give the same output: the largest difference is 0.');
    expect(gridValues('ch-matrix-w')).toEqual([
      ['1', '0', '−1'],
      ['2', '1', '0'],
    ]);
  });

  it('stepping walks the pixels: column p of X and of W·X, and pixel p of every channel', async () => {
    await openChannels('?v=1&p=channels&view=pointwise');
    fireEvent.click(screen.getByRole('button', { name: /Load the notes’ 1×1 example/ }));
    stepTo(4);
    expect(highlighted('ch-matrix-x', 'window')).toEqual(['0,4', '1,4', '2,4']);
    expect(highlighted('ch-matrix-y', 'window')).toEqual(['0,4', '1,4']);
    expect(highlighted('ch-input-2', 'window')).toEqual(['1,1']);
    expect(highlighted('ch-conv-out-1', 'window')).toEqual(['1,1']);
    expect(narration()).toMatch(/^Pixel \(1, 1\): its channel vector x = \[/);
  });

  it('a layer whose kernel is not 1×1 is explained instead of compared', async () => {
    await openChannels('?v=1&p=channels&view=pointwise');
    expect(screen.getByText(/needs a 1×1 kernel without groups; the layer has a 2×2 kernel/)).toBeInTheDocument();
  });
});

describe('Channels panel: groups', () => {
  it('groups 1 → 2 on the 4 → 4 preset rewires the outputs; the parameters halve, with the formula', async () => {
    await openChannels('?v=1&p=channels&view=groups');
    choose('Presets (the layer)', /4 → 4 channels in 2 groups/);
    expect(screen.getByTestId('ch-wiring').querySelectorAll('line')).toHaveLength(8);
    expect(screen.getByTestId('ch-wiring').querySelector('[data-link="0-2"]')).toBeNull();
    expect(screen.getByText(/2 groups: each output channel reads 2 input channels/)).toBeInTheDocument();
    const { input, weight } = config();
    const expected = conv2d(tensor(input.flat(2), [4, 4, 4]), tensor(weight.flat(3), [4, 2, 2, 2]), { groups: 2 });
    expect(numbers(gridValues('ch-output-3'))).toEqual(Array.from(expected.data.subarray(27, 36)));
    slide('groups-control', 1);
    expect(config().groups).toBe(1);
    expect(config().weight[0]).toHaveLength(4);
    expect(screen.getByTestId('ch-wiring').querySelectorAll('line')).toHaveLength(16);
  });

  it('the slider skips values that do not divide the channels, and says so', async () => {
    await openChannels('?v=1&p=channels&view=groups');
    choose('Presets (the layer)', /4 → 4 channels in 2 groups/);
    slide('groups-control', 3);
    expect(config().groups).toBe(4);
    expect(screen.getByTestId('groups-skipped')).toHaveTextContent('groups = 3 is skipped: it does not divide c_in = 4. Moved to 4.');
    expect(screen.getByTestId('groups-kind')).toHaveTextContent('depthwise');
    slide('groups-control', 3);
    expect(config().groups).toBe(2);
    expect(snapGroups(3, 2, [1, 2])).toBe(2);
    expect(snapGroups(5, 4, [1, 2, 4, 8])).toBe(8);
  });

  it('notes 004: depthwise 3×3 on 3 channels then 1×1 to 4 channels: 27 + 12 = 39 parameters instead of 108', async () => {
    await openChannels('?v=1&p=channels&view=groups');
    choose('Presets (the layer)', /Depthwise 3×3 on 3 channels/);
    expect(screen.getByTestId('ch-wiring').querySelectorAll('line')).toHaveLength(3);
    const formulas = document.querySelector('.ch-separable')?.querySelectorAll('annotation') ?? [];
    const tex = [...formulas].map((a) => a.textContent);
    expect(tex).toContain('3\\times 3\\times 3\\times 4 = 108');
    expect(tex).toContain('3\\times 3\\times 3 + 1\\times 1\\times 3\\times 4 = 39');
    const { input, weight, pointwise } = config();
    const depthwise = conv2d(tensor(input.flat(2), [3, 5, 5]), tensor(weight.flat(3), [3, 1, 3, 3]), { groups: 3 });
    const final = conv2d(depthwise, tensor(pointwise.flat(), [4, 3, 1, 1]));
    expect(numbers(gridValues('ch-separable-3'))).toEqual(Array.from(final.data.subarray(27, 36)));
    typeInto('pointwise-out', '2');
    expect(config().pointwise).toHaveLength(2);
  });

  it('a layer that cannot be depthwise says why and offers c_out = c_in', async () => {
    await openChannels('?v=1&p=channels&view=groups');
    expect(screen.getByText(/needs c_out to be a multiple of c_in; here c_out = 1/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Set c_out = 2' }));
    expect(config().weight).toHaveLength(2);
    slide('groups-control', 2);
    expect(config().groups).toBe(2);
  });
});

describe('Channels panel: cost', () => {
  it('notes 003: 16 → 32 channels, 3×3 — 4608 parameters vs 656 for depthwise + pointwise', async () => {
    await openChannels('?v=1&p=channels&view=cost');
    expect(texIn('cost-standard')).toBe('3\\times 3\\times 16\\times 32 = 4608');
    expect(texIn('cost-separable')).toBe('3\\times 3\\times 16 + 1\\times 1\\times 16\\times 32 = 656');
    expect(texIn('cost-flops')).toBe('(2\\times 16\\times 3\\times 3)\\times 8\\times 8\\times 32 = 589824');
    expect(texIn('cost-multiply-adds')).toBe('3\\times 3\\times 16\\times 32\\times 8\\times 8 = 294912');
    expect(screen.getByTestId('bar-separable')).toHaveTextContent('656 parameters');
  });

  it('notes 004: 3 → 4 channels, 3×3 — 3×3×3×4 = 108 vs 27 + 12', async () => {
    await openChannels('?v=1&p=channels&view=cost');
    choose('Presets (cost)', /3 → 4 channels, 3×3/);
    expect(texIn('cost-standard')).toBe('3\\times 3\\times 3\\times 4 = 108');
    expect(texIn('cost-separable')).toBe('3\\times 3\\times 3 + 1\\times 1\\times 3\\times 4 = 39');
    expect(screen.getByTestId('cost-layer')).toHaveTextContent('input 5×5 → output 3×3');
  });

  it('a dense layer on the same input needs far more parameters: weight sharing', async () => {
    await openChannels('?v=1&p=channels&view=cost');
    choose('Presets (cost)', /224×224 RGB/);
    const dense = 3 * 224 * 224 * (64 * 224 * 224) + 64 * 224 * 224; // every input value to every output value, plus one bias per output
    const conv = 3 * 3 * 3 * 64 + 64;
    expect(texIn('cost-dense')).toBe(`(3\\times 224\\times 224)\\times (64\\times 224\\times 224) + (64\\times 224\\times 224) = ${dense}`);
    expect(screen.getByTestId('cost-dense-words')).toHaveTextContent(
      `Dense: ${dense.toLocaleString('en-US')} parameters. Convolution: ${conv.toLocaleString('en-US')} parameters.`,
    );
    expect(texIn('cost-dense-ratio')).toBe(
      `\\frac{${dense}}{${conv}} ${Number.isInteger(dense / conv) ? '=' : '\\approx'} ${Math.round(dense / conv)}`,
    );
  });

  it('every cost control changes the formulas; “use the layer on screen” copies its shape', async () => {
    await openChannels('?v=1&p=channels&view=cost');
    typeInto('cost-cin', '8');
    typeInto('cost-cout', '4');
    fireEvent.click(screen.getByLabelText('Bias (one per output channel)'));
    expect(texIn('cost-parameters')).toBe('3\\times 3\\times 8\\times 4 + 4 = 292');
    typeInto('cost-stride', '2');
    typeInto('cost-size', '9');
    typeInto('cost-padding', '0');
    expect(config().costStride).toEqual([2, 1]);
    expect(config().costSize).toEqual([9, 8]);
    expect(config().costPadding).toEqual([0, 1]);
    expect(screen.getByTestId('cost-layer')).toHaveTextContent('input 9×8 → output 4×8');
    typeInto('cost-kernel', '5');
    expect(config().costKernel).toEqual([5, 3]);
    fireEvent.click(screen.getByRole('button', { name: /Use the layer on screen \(2 → 1, 2×2\)/ }));
    expect(texIn('cost-parameters')).toBe('2\\times 2\\times 2\\times 1 = 8');
  });
});

describe('Channels panel: 3-D convolution', () => {
  it('a 4×5×5 volume with a 3×3×3 kernel: output 2×3×3, equal to the engine’s conv3d, the kernel’s slices marked', async () => {
    await openChannels('?v=1&p=channels&view=volume');
    expect(screen.getByTestId('step-count')).toHaveTextContent('Step 1 of 18');
    expect(screen.getByTestId('volume-slice-0')).toHaveAttribute('data-under', '0');
    expect(screen.getByTestId('volume-slice-3')).not.toHaveAttribute('data-under');
    stepTo(9);
    expect(screen.getByTestId('volume-slice-3')).toHaveAttribute('data-under', '2');
    expect(screen.getByTestId('volume-slice-0')).not.toHaveAttribute('data-under');
    stepTo(17);
    const expected = conv3d(tensor(blobVolume(4, 5, 5), [1, 4, 5, 5]), tensor(new Array<number>(27).fill(1), [1, 1, 3, 3, 3]));
    expect([...numbers(gridValues('volume-output-0')), ...numbers(gridValues('volume-output-1'))]).toEqual(Array.from(expected.data));
    expect(narration()).toMatch(/^Output voxel \(1, 2, 2\): the kernel’s slices lie on input depths 1, 2, 3; their sums /);
    expect(texIn('volume-parameters')).toBe('3\\times 3\\times 3\\times 1\\times 1 + 1 = 28');
  });

  it('stride 2 and padding 1 in depth: padding slices are drawn and d_out = ⌊(6 + 2 − 3)/2⌋ + 1 = 3', async () => {
    await openChannels('?v=1&p=channels&view=volume');
    choose('Presets (3-D)', /Stride 2 in depth/);
    expect(screen.getByTestId('volume-slice--1')).toHaveAttribute('data-under', '0');
    expect(screen.getByTestId('volume-slice--1')).toHaveTextContent('zero padding');
    expect(narration()).toContain('input depths −1 (padding), 0, 1');
    expect(document.querySelector('.ch-view .formulas annotation')?.textContent).toBe(
      'd_{out} = \\left\\lfloor \\frac{6 + 2\\cdot 1 - 3}{2} \\right\\rfloor + 1 = 3',
    );
  });

  it('a kernel as deep as the volume does not slide in depth; the MRI preset counts 3·3·3·2·16 + 16 parameters', async () => {
    await openChannels('?v=1&p=channels&view=volume');
    choose('Presets (3-D)', /as deep as the volume/);
    expect(screen.getByText('Output volume 1 × 3 × 3')).toBeInTheDocument();
    choose('Presets (3-D)', /MRI-like/);
    expect(texIn('volume-parameters')).toBe('3\\times 3\\times 3\\times 2\\times 16 + 16 = 880');
  });

  it('every 3-D control changes the volume; the kernel shrinks to fit a smaller volume', async () => {
    await openChannels('?v=1&p=channels&view=volume');
    typeInto('volume-stride', '2');
    expect(config().volumeStride).toEqual([2, 1, 1]);
    typeInto('volume-padding', '1');
    expect(config().volumePadding).toEqual([1, 0, 0]);
    typeInto('volume-size', '1');
    expect(config().volume).toEqual([1, 5, 5]);
    expect(config().volumeKernel).toEqual([3, 3, 3]);
    typeInto('volume-padding', '0');
    expect(config().volumeKernel).toEqual([1, 3, 3]);
    typeInto('volume-kernel', '2', 1);
    expect(config().volumeKernel).toEqual([1, 2, 3]);
    typeInto('volume-channels', '4', 1);
    expect(config().volumeChannels).toEqual([1, 4]);
    expect(texIn('volume-parameters')).toBe('1\\times 2\\times 3\\times 1\\times 4 + 4 = 28');
  });
});

describe('Channels panel: layer controls', () => {
  it('c_in, c_out, sizes and bias resize the layer and keep the values that fit', async () => {
    await openChannels();
    typeInto('cin-control', '3');
    expect(config().input).toHaveLength(3);
    expect(config().input[0]).toEqual(CHANNELS_DEFAULTS.input[0]);
    expect(config().weight[0]).toHaveLength(3);
    typeInto('cout-control', '2');
    expect(config().weight).toHaveLength(2);
    typeInto('input-size', '5');
    expect(config().input[0]).toHaveLength(5);
    typeInto('kernel-size', '3');
    expect(config().weight[0]?.[0]).toHaveLength(3);
    fireEvent.click(screen.getByLabelText('Bias (one per output channel)'));
    expect(config().bias).toEqual([0, 0]);
    stepTo(0);
    expect(screen.getAllByTestId(/^ch-row-/)).toHaveLength(3);
  });

  it('the editors change one input channel, one kernel slice and the bias', async () => {
    const user = userEvent.setup();
    await openChannels('?v=1&p=channels&b=0');
    choose('Channel', /^1$/);
    await user.click(screen.getByRole('button', { name: 'Edit values: X[1]' }));
    const inputArea = screen.getByRole('textbox', { name: /One row per line/ });
    await user.clear(inputArea);
    inputArea.focus();
    await user.paste('1 1 1\n1 1 1\n1 1 1');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(config().input[1]).toEqual([
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ]);
    choose('Slice (input channel in the group)', /^1$/);
    await user.click(screen.getByRole('button', { name: 'Edit values: W[0, 1]' }));
    const kernelArea = screen.getByRole('textbox', { name: /One row per line/ });
    await user.clear(kernelArea);
    kernelArea.focus();
    await user.paste('1 0\n0 1');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(config().weight[0]?.[1]).toEqual([
      [1, 0],
      [0, 1],
    ]);
    // Channel 0 alone is 19; channel 1 is now 1 + 1 = 2.
    expect(narration()).toContain('channel 0: 19; channel 1: 2');
    await user.click(screen.getByRole('button', { name: 'Edit values: b' }));
    const biasArea = screen.getByRole('textbox', { name: /One row per line/ });
    await user.clear(biasArea);
    biasArea.focus();
    await user.paste('-1');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(config().bias).toEqual([-1]);
    expect(narration()).toContain('plus the bias (−1) = 20');
  });

  it('the view buttons switch views and restart the player', async () => {
    await openChannels();
    stepTo(2);
    fireEvent.click(screen.getByTestId('view-volume'));
    expect(config().view).toBe('volume');
    expect(useAppStore.getState().step).toBe(0);
    expect(screen.getByTestId('view-volume')).toHaveAttribute('aria-pressed', 'true');
  });

  it('an edit that would make the link too long is refused', () => {
    const big = Array.from({ length: 8 }, () => Array.from({ length: 8 }, () => Array.from({ length: 8 }, () => -99.125)));
    expect(exceedsLink({ ...CHANNELS_DEFAULTS, input: big })).toBe(true);
    expect(exceedsLink(CHANNELS_DEFAULTS)).toBe(false);
  });
});

describe('Channels panel: links and languages', () => {
  it('every field round-trips through the link', async () => {
    const url =
      '?v=1&p=channels&s=1&view=groups&x=1,2;3,4_5,6;7,8&w=1;2*3;4&b=1,-2&g=2&pw=1,2;3,4;5,6' +
      '&cin=4&cout=8&ck=5,3&cs=10,12&cp=2,1&cst=2,1&cb=1&vs=3,4,5&vk=1,2,3&vst=2,1,1&vp=1,0,1&vc=2,3';
    await openChannels(url);
    const c = config();
    expect(c.view).toBe('groups');
    expect(c.input).toHaveLength(2);
    expect(c.weight).toEqual([[[[1], [2]]], [[[3], [4]]]]);
    expect(c.groups).toBe(2);
    expect(c.bias).toEqual([1, -2]);
    expect(c.pointwise).toHaveLength(3);
    expect([c.costIn, c.costOut, c.costKernel, c.costSize, c.costPadding, c.costStride, c.costBias]).toEqual([
      4,
      8,
      [5, 3],
      [10, 12],
      [2, 1],
      [2, 1],
      true,
    ]);
    expect([c.volume, c.volumeKernel, c.volumeStride, c.volumePadding, c.volumeChannels]).toEqual([
      [3, 4, 5],
      [1, 2, 3],
      [2, 1, 1],
      [1, 0, 1],
      [2, 3],
    ]);
    expect(encodeView(selectView(useAppStore.getState()))).toBe(url);
    expect(screen.queryByTestId('link-notice')).toBeNull();
  });

  it('turning the bias off leaves b out of the link (the default has none)', async () => {
    await openChannels('?v=1&p=channels&b=2');
    fireEvent.click(screen.getByLabelText('Bias (one per output channel)'));
    expect(encodeView(selectView(useAppStore.getState()))).toBe('?v=1&p=channels');
  });

  it('b=none reads as no bias', async () => {
    await openChannels('?v=1&p=channels&b=none');
    expect(config().bias).toEqual([]);
    expect(screen.queryByTestId('link-notice')).toBeNull();
  });

  it.each([
    ['g=3', 'g'],
    ['x=1,2;3', 'x'],
    ['w=0,1;2,3_1,2;3,4_5,6;7,8', 'w'],
    ['b=1,2,3', 'b'],
    ['vs=7,5,5', 'vs'],
    ['view=nope', 'view'],
    ['ck=11&cs=3&cp=0', 'ck'],
    ['pw=1,2,3', 'pw'],
  ])('a bad link value %s falls back to the default and the notice names %s', async (query, key) => {
    await openChannels(`?v=1&p=channels&${query}`);
    expect(screen.getByTestId('link-notice')).toHaveTextContent(key);
    expect(narration()).toContain('= 56');
  });

  it('renders in Chinese with the notes’ terms', async () => {
    await openChannels('?v=1&p=channels&lang=zh');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('通道与计算量');
    expect(narration()).toBe('输出通道 0，位置 (0, 0)：通道 0：19；通道 1：37；相加 = 56。');
    fireEvent.click(screen.getByTestId('view-cost'));
    expect(screen.getByText('深度卷积 + 逐点卷积')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('view-volume'));
    expect(screen.getByRole('heading', { level: 2, name: /3D 卷积/ })).toBeInTheDocument();
  });
});
