// @vitest-environment jsdom
// The Image kernels panel over the real engine: the notes' presets, every control, the lens against conv2d, separable Sobel,
// opening a picture (decoded by a PNG decoder in place of the browser's) and refusing a non-picture, and learning the kernel.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReactNode } from 'react';
import { act, fireEvent, screen, within } from '@testing-library/react';
import {
  conv2d,
  filterImage,
  IMAGE_KERNELS,
  imageKernel,
  lensReading,
  luminance,
  notesEdgeImage,
  tensor,
  tensorFromRgba,
} from '../../src/engine/index.ts';
import { ImageSourcesContext } from '../../src/panels/kernels/imageSource.ts';
import { KERNELS_DEFAULTS, SAMPLE_SIZES } from '../../src/panels/kernels/kernelsConfig.ts';
import { useAppStore, selectView } from '../../src/state/store.ts';
import { encodeView } from '../../src/url/codec.ts';
import { formatNumber } from '../../src/ui/formatNumber.ts';
import { encodePng } from '../../scripts/png.ts';
import { decodePng, testImageSources } from '../helpers/decodePng.ts';
import { gridCell, gridValues, renderApp, stepTo } from '../helpers/renderApp.tsx';

const minus = (text: string) => Number(text.replace('\u2212', '-'));
const config = () => useAppStore.getState().configs.kernels;

// jsdom has no 2-D canvas; without this stub it logs "not implemented" for every canvas the panel draws.
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
});

async function openKernels(url = '?v=1&p=kernels', sources = testImageSources()) {
  const wrapper = ({ children }: { children: ReactNode }) => <ImageSourcesContext.Provider value={sources}>{children}</ImageSourcesContext.Provider>;
  renderApp({ url, wrapper });
  await screen.findByRole('heading', { level: 1, name: /Image kernels|图像卷积核/ });
  await screen.findByTestId('lab-views');
  return sources;
}

function select(testId: string, value: string) {
  act(() => {
    fireEvent.change(screen.getByTestId(testId), { target: { value } });
  });
}

function typeInto(field: HTMLElement, value: string) {
  act(() => {
    fireEvent.focus(field);
    fireEvent.change(field, { target: { value } });
    fireEvent.blur(field);
  });
}

function choose(label: string | RegExp, optionName: RegExp) {
  const element = screen.getByLabelText(label);
  const option = within(element).getByRole('option', { name: optionName }) as HTMLOptionElement;
  act(() => {
    fireEvent.change(element, { target: { value: option.value } });
  });
}

/** A PNG file of the given size whose pixels follow simple formulas, with its RGBA bytes. */
function pngFile(width: number, height: number, name = 'picture.png') {
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    rgb[i * 3] = (i * 37) % 256;
    rgb[i * 3 + 1] = (i * 11 + 40) % 256;
    rgb[i * 3 + 2] = ((i % width) * 20) % 256;
  }
  const bytes = encodePng(width, height, rgb);
  return { file: new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'image/png' }), rgba: decodePng(bytes).rgba };
}

async function openFile(file: File) {
  await act(async () => {
    fireEvent.change(screen.getByTestId('image-file'), { target: { files: [file] } });
  });
  await screen.findByTestId('file-message');
}

describe('Image kernels panel: the notes’ example', () => {
  it('opens on the notes’ 6×8 edge image with [1, −1]: a 6×7 map of 1 and −1 at the two edges, equal to conv2d', async () => {
    await openKernels();
    expect(screen.getByLabelText('Presets')).toHaveDisplayValue(/Notes: 6×8 edge image, kernel \[1, −1\]/);
    const shown = gridValues('grid-output').map((row) => row.map(minus));
    expect(shown).toEqual(Array.from({ length: 6 }, () => [0, 1, 0, 0, 0, -1, 0]));
    const expected = conv2d(notesEdgeImage(), tensor([1, -1], [1, 1, 1, 2]));
    expect(shown.flat()).toEqual(Array.from(expected.data));
    expect(gridValues('grid-input')[0]?.map(minus)).toEqual([1, 1, 0, 0, 0, 0, 1, 1]);
  });

  it('the lens on Y(0, 1) writes 1×1 + 0×(−1) = 1 and agrees with conv2d', async () => {
    await openKernels();
    expect(screen.getByRole('heading', { name: 'Lens: output pixel (0, 1)' })).toBeInTheDocument();
    expect(screen.getByTestId('lens-check')).toHaveTextContent('The lens gives 1; conv2d wrote 1 into Y(0, 1).');
    expect(gridValues('lens-window').flat().map(minus)).toEqual([1, 0]);
    expect(gridValues('lens-products').flat().map(minus)).toEqual([1, 0]);
  });

  it('hovering an output cell moves the lens there, and its sum is the engine’s pixel (−1 at the right edge)', async () => {
    await openKernels();
    fireEvent.pointerEnter(gridCell('grid-output', 2, 5));
    expect(config().lens).toEqual([2, 5]);
    expect(screen.getByTestId('lens-check')).toHaveTextContent('The lens gives −1; conv2d wrote −1 into Y(2, 5).');
    expect(gridCell('grid-output', 2, 5)).toHaveAttribute('data-highlight', 'output');
    expect(gridCell('grid-input', 2, 5)).toHaveAttribute('data-highlight', 'window');
    expect(gridCell('grid-input', 2, 6)).toHaveAttribute('data-highlight', 'window');
  });
});

describe('Image kernels panel: kernels and settings', () => {
  it.each(IMAGE_KERNELS.map((k) => [k.id]))('the %s preset sets the engine’s weights and divisor, and the output is filterImage’s', async (id) => {
    await openKernels('?v=1&p=kernels&pad=same');
    const kernel = imageKernel(id as Parameters<typeof imageKernel>[0]);
    const option = within(screen.getByLabelText('Kernel'))
      .getAllByRole('option')
      .find((o) => (o as HTMLOptionElement).value === id) as HTMLOptionElement;
    act(() => {
      fireEvent.change(screen.getByLabelText('Kernel'), { target: { value: option.value } });
    });
    expect(config().weights).toEqual(kernel.weights);
    expect(config().divisor).toBe(kernel.divisor);
    const { output } = filterImage(
      luminance(tensor(Array.from({ length: 3 }, () => Array.from(notesEdgeImage().data)).flat(), [3, 6, 8])),
      kernel.weights,
      kernel.divisor,
      {
        padding: 'same',
        paddingMode: 'zeros',
        stride: 1,
        dilation: 1,
      },
    );
    expect(gridValues('grid-output').flat()).toEqual(Array.from(output.data, formatNumber));
  });

  it('padding, padding mode, stride and dilation change the output as conv2d does', async () => {
    await openKernels('?v=1&p=kernels&k=1,1,1;1,1,1;1,1,1');
    expect(gridValues('grid-output')).toHaveLength(4);
    select('padding', 'same');
    expect(gridValues('grid-output')).toHaveLength(6);
    select('padding', 'full');
    expect(gridValues('grid-output')).toHaveLength(8);
    expect(gridCell('grid-input', -2, -2)).toHaveClass('is-padding');
    select('padding-mode', 'replicate');
    expect(config().paddingMode).toBe('replicate');
    // Replicate copies the corner 1 into the padding: the top-left output sums nine 1s.
    expect(minus(gridValues('grid-output')[0]?.[0] ?? '')).toBe(9);
    typeInto(within(screen.getByTestId('stride')).getAllByRole('textbox')[1] as HTMLElement, '3');
    expect(config().stride).toEqual([1, 3]);
    // Full padding is d·(k − 1) = 2 a side: ⌊(8 + 4 − 3)/3⌋ + 1 = 4 columns.
    expect(gridValues('grid-output')[0]).toHaveLength(4);
    typeInto(within(screen.getByTestId('dilation')).getAllByRole('textbox')[0] as HTMLElement, '2');
    expect(config().dilation).toEqual([2, 1]);
    const lens = lensReading(
      luminance(tensor(Array.from({ length: 3 }, () => Array.from(notesEdgeImage().data)).flat(), [3, 6, 8])),
      config().weights,
      1,
      {
        padding: 'full',
        paddingMode: 'replicate',
        stride: [1, 3],
        dilation: [2, 1],
      },
      0,
      0,
      0,
    );
    expect(gridValues('grid-output')).toHaveLength(lens.geometry.height.output);
  });

  it('a typed weight, the chosen weight’s slider, the divisor and the kernel size edit the kernel', async () => {
    await openKernels();
    typeInto(screen.getByLabelText('Weight row 0, column 1'), '−2');
    expect(config().weights).toEqual([[1, -2]]);
    act(() => {
      fireEvent.change(within(screen.getByTestId('selected-weight')).getByRole('slider'), { target: { value: '4' } });
    });
    expect(config().weights).toEqual([[1, 4]]);
    typeInto(within(screen.getByTestId('divisor')).getByRole('textbox'), '2');
    expect(config().divisor).toBe(2);
    expect(gridValues('grid-output')[0]?.map(minus)).toEqual([2.5, 0.5, 0, 0, 0, 2, 2.5]);
    typeInto(within(screen.getByTestId('kernel-size')).getAllByRole('textbox')[0] as HTMLElement, '3');
    expect(config().weights).toEqual([
      [1, 4],
      [0, 0],
      [0, 0],
    ]);
    typeInto(screen.getByLabelText('Weight row 0, column 0'), 'abc');
    expect(screen.getByText(/A weight must be a number/)).toBeInTheDocument();
    expect(config().weights[0]).toEqual([1, 4]);
  });

  it('display and channel buttons switch the output map and per-channel RGB; the lens reads the chosen channel', async () => {
    await openKernels();
    act(() => fireEvent.click(screen.getByRole('button', { name: 'magnitude' })));
    expect(config().display).toBe('magnitude');
    act(() => fireEvent.click(screen.getByRole('button', { name: 'RGB, per channel' })));
    expect(config().color).toBe('rgb');
    act(() => fireEvent.click(screen.getByRole('button', { name: 'B' })));
    expect(screen.getByRole('heading', { name: /Lens/ }).parentElement).toHaveTextContent('Window of X (B)');
    expect(screen.getByTestId('lens-check')).toHaveTextContent('The lens gives 1; conv2d wrote 1 into Y(0, 1).');
  });

  it('the lens row and column fields move the lens, clamped to the output', async () => {
    await openKernels();
    typeInto(within(screen.getByTestId('lens-row')).getByRole('textbox'), '4');
    typeInto(within(screen.getByTestId('lens-col')).getByRole('textbox'), '99');
    expect(config().lens).toEqual([4, 6]);
  });
});

describe('Image kernels panel: separable kernels', () => {
  it('Sobel x on the edge image: [1, 2, 1]ᵀ then [1, 0, −1] gives the same image, 168 multiplications instead of 216', async () => {
    await openKernels();
    choose('Kernel', /^Sobel x/);
    const separable = screen.getByTestId('separable');
    expect(separable).toHaveTextContent('This kernel is an outer product of a column and a row');
    expect(screen.getByTestId('separable-difference')).toHaveTextContent('Largest difference between the two images: 0');
    expect(gridValues('separable-two')).toEqual(gridValues('separable-full'));
    expect(gridValues('separable-full')).toEqual(gridValues('grid-output'));
    expect(screen.getByTestId('separable-counts')).toHaveTextContent(
      'Two passes: 168 multiplications instead of 216, and 6 weights instead of 9 per channel.',
    );
  });

  it('a kernel that cannot be split says so and shows Sobel x instead', async () => {
    await openKernels();
    choose('Kernel', /^Sharpen/);
    expect(screen.getByTestId('separable')).toHaveTextContent('its rank is more than 1');
    expect(screen.getByTestId('separable')).toHaveTextContent('Multiplications, 3×3 kernel');
  });
});

describe('Image kernels panel: pictures', () => {
  it('the sample PNGs have the sizes the link checks use', () => {
    for (const [id, [h, w]] of Object.entries(SAMPLE_SIZES)) {
      if (id === 'edge') continue;
      const png = decodePng(readFileSync(join(import.meta.dirname, '..', '..', 'public', 'samples', `${id}.png`)));
      expect([png.height, png.width], id).toEqual([h, w]);
    }
  });

  it('a sample loads, is drawn on canvases, and the lens on one of its pixels equals conv2d', async () => {
    await openKernels('?v=1&p=kernels&img=checker&k=1,0,-1;2,0,-2;1,0,-1&pad=same&lens=16,16');
    await screen.findByTestId('canvas-output');
    expect(screen.getByTestId('lab-status')).toHaveTextContent(/conv2d took .* ms/);
    const png = decodePng(readFileSync(join(import.meta.dirname, '..', '..', 'public', 'samples', 'checker.png')));
    const gray = luminance(tensorFromRgba(png.rgba, png.width, png.height));
    const { output } = filterImage(gray, imageKernel('sobelX').weights, 1, { padding: 'same', paddingMode: 'zeros', stride: 1, dilation: 1 });
    expect(screen.getByTestId('lens-check')).toHaveTextContent(`conv2d wrote ${formatNumber(output.data[16 * 128 + 16] as number)} into Y(16, 16)`);
    expect(screen.getByTestId('lens-check')).toHaveTextContent(`The lens gives ${formatNumber(output.data[16 * 128 + 16] as number)};`);
  });

  it('opening a PNG file shows its pixels, and the lens numbers are conv2d’s', async () => {
    const sources = await openKernels('?v=1&p=kernels&color=rgb');
    const { file, rgba } = pngFile(8, 5, 'tiny.png');
    await openFile(file);
    expect(sources.decode.calls).toBe(1);
    expect(screen.getByTestId('file-message')).toHaveTextContent('“tiny.png” opened: 8×5 pixels.');
    expect(screen.getByTestId('sample')).toHaveDisplayValue('Your picture “tiny.png”');
    const rgb = tensorFromRgba(rgba, 8, 5);
    // The red channel of the picture, as the input grid shows it.
    expect(gridValues('grid-input').flat().map(minus)).toEqual(Array.from(rgb.data.subarray(0, 40)));
    fireEvent.pointerEnter(gridCell('grid-output', 2, 3));
    const expected = conv2d(tensor(rgb.data.subarray(0, 40), [1, 5, 8]), tensor([1, -1], [1, 1, 1, 2]));
    expect(screen.getByTestId('lens-check')).toHaveTextContent(`conv2d wrote ${formatNumber(expected.data[2 * 7 + 3] as number)} into Y(2, 3)`);
  });

  it('a dropped picture opens too, and one larger than 1024 pixels is shrunk and says so', async () => {
    await openKernels();
    const { file } = pngFile(1100, 4, 'wide.png');
    await act(async () => {
      fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [file] } });
    });
    expect(await screen.findByTestId('file-message')).toHaveTextContent('“wide.png” was shrunk from 1100×4 to 1024×4 pixels');
    await screen.findByTestId('canvas-output');
  });

  it('a file that is not a picture is refused with a message, without being decoded', async () => {
    const sources = await openKernels();
    await openFile(new File(['just some notes'], 'notes.txt', { type: 'text/plain' }));
    expect(screen.getByTestId('file-message')).toHaveTextContent(
      '“notes.txt” is not a picture (text/plain). Open a PNG, JPEG, GIF, WebP or another image file.',
    );
    expect(sources.decode.calls).toBe(0);
    expect(gridValues('grid-output')).toHaveLength(6);
  });

  it('a file that claims to be a PNG but is not one is refused with a message', async () => {
    await openKernels();
    await openFile(new File(['not really a png'], 'fake.png', { type: 'image/png' }));
    expect(screen.getByTestId('file-message')).toHaveTextContent('“fake.png” could not be read as a picture');
    expect(screen.getByTestId('file-message')).toHaveAttribute('role', 'status');
  });

  it('choosing a sample after opening a file goes back to the sample', async () => {
    await openKernels();
    await openFile(pngFile(6, 6).file);
    select('sample', 'edge');
    expect(screen.queryByTestId('file-message')).toBeNull();
    expect(gridValues('grid-input')).toHaveLength(6);
  });
});

describe('Image kernels panel: learn the kernel', () => {
  function narrationText() {
    return within(screen.getByTestId('learn')).getByTestId('narration').textContent ?? '';
  }

  it('the notes’ run: from a random start, 20 steps at η = 0.03 bring the loss below 0.01 and W to [1, −1]', async () => {
    await openKernels();
    expect(narrationText()).toMatch(/^Random start: L = 12\.\d+, W = \[/);
    stepTo(20);
    const match = /After 20 updates: L = ([\d.e−-]+), W = \[([^\]]+)\]/.exec(narrationText());
    expect(match).not.toBeNull();
    expect(minus(match?.[1] ?? '1')).toBeLessThan(0.01);
    expect(match?.[2]?.split(', ').map(minus)).toEqual([1, -1]);
    expect(screen.getByTestId('learn-notes')).toHaveTextContent('[0.99, −0.987]');
    expect(screen.getByTestId('learn-stability')).toHaveTextContent('η < 0.0333');
  });

  it('the update rule shows this step’s numbers, and step 1’s kernel is step 0’s minus η times the gradient', async () => {
    await openKernels();
    stepTo(1);
    expect(screen.getByTestId('learn')).toHaveTextContent('After 1 updates: L = 4.95');
    expect(screen.getByTestId('learn').querySelector('.formulas')?.textContent).toContain('0.03');
  });

  it('a kernel larger than 3×3 has its gradient and update written for the centre weight, said in words', async () => {
    await openKernels('?v=1&p=kernels&k=1,0,0,0,-1;1,0,0,0,-1;1,0,0,0,-1;1,0,0,0,-1;1,0,0,0,-1&lt=lab&lx=noise&lr=0.001');
    stepTo(1);
    const formulas = screen.getByTestId('learn').querySelector('.formulas')?.textContent ?? '';
    expect(formulas).toContain('W2,2');
    expect(screen.getByTestId('learn-followed-weight')).toHaveTextContent('W has 25 weights');
    expect(screen.getByTestId('learn-followed-weight')).toHaveTextContent('W₂,₂');
    act(() => useAppStore.getState().setLanguage('zh'));
    expect(screen.getByTestId('learn-followed-weight')).toHaveTextContent('W 有 25 个权重');
    // A 3×3 kernel is still written out whole, with no sentence.
    select('learn-target', 'sobelX');
    expect(screen.queryByTestId('learn-followed-weight')).toBeNull();
  });

  it('the charts draw each path whole and show it up to the current step (a clip whose edge follows the step)', async () => {
    await openKernels('?v=1&p=kernels&lt=sobelX&lx=noise&ln=20');
    const clipEdge = (chart: string) => Number(screen.getByTestId(chart).querySelector('clipPath rect')?.getAttribute('width'));
    const paths = () => [...screen.getByTestId('weight-paths').querySelectorAll('path[clip-path]')].map((path) => path.getAttribute('d'));
    const atStart = { loss: clipEdge('loss-curve'), weights: clipEdge('weight-paths'), paths: paths() };
    expect(atStart.paths).toHaveLength(9);
    stepTo(10);
    expect(clipEdge('loss-curve')).toBeGreaterThan(atStart.loss);
    expect(clipEdge('weight-paths')).toBeGreaterThan(atStart.weights);
    expect(paths()).toEqual(atStart.paths);
    stepTo(20);
    // At the last step the clip reaches the right end of the plot (x of step 20 plus half the widest stroke).
    expect(clipEdge('weight-paths')).toBe(520 - 16 + 1.5);
  });

  it('a weight’s label sits right of its point near the start (not over the axis numbers), left of it further on', async () => {
    await openKernels('?v=1&p=kernels&ln=20');
    const labels = () =>
      [...screen.getByTestId('weight-paths').querySelectorAll('text')]
        .filter((text) => /^w\d,\d$/.test(text.textContent ?? ''))
        .map((text) => `${text.textContent} ${text.getAttribute('text-anchor')}`);
    stepTo(1);
    expect(labels()).toEqual(['w0,0 start', 'w0,1 start']);
    stepTo(20);
    expect(labels()).toEqual(['w0,0 end', 'w0,1 end']);
  });

  it('the Sobel preset learns Sobel x from noise; the too-fast preset warns and its loss grows', async () => {
    await openKernels();
    choose('Experiment', /Sobel x from noise/);
    expect(config().learnTarget).toBe('sobelX');
    expect(config().learnData).toBe('noise');
    stepTo(20);
    expect(gridValues('learn-kernel').flat().map(minus)).toEqual([1, 0, -1, 2, 0, -2, 1, 0, -1]);
    choose('Experiment', /too large/);
    expect(config().learningRate).toBe(0.04);
    expect(screen.getByTestId('learn-stability')).toHaveTextContent('η = 0.04 is above the largest stable rate 0.0333');
  });

  it('target, data, learning rate, steps and seed controls change the run', async () => {
    await openKernels();
    select('learn-target', 'gaussianBlur');
    select('learn-data', 'noise');
    select('learning-rate', '0.01');
    typeInto(within(screen.getByTestId('learn-steps')).getByRole('textbox'), '40');
    typeInto(within(screen.getByTestId('learn-seed')).getByRole('textbox'), '7');
    expect(config()).toMatchObject({ learnTarget: 'gaussianBlur', learnData: 'noise', learningRate: 0.01, learnSteps: 40, learnSeed: 7 });
    expect(screen.getByTestId('learn')).toHaveTextContent('Step 1 of 41');
    act(() => fireEvent.click(screen.getByRole('button', { name: 'New random start' })));
    expect(config().learnSeed).toBe(8);
    select('learn-target', 'lab');
    expect(gridValues('learn-target-kernel').flat().map(minus)).toEqual([1, -1]);
  });
});

describe('Image kernels panel: links and languages', () => {
  const FULL =
    '?v=1&p=kernels&img=checker&color=rgb&k=1,2;3,4&div=5&pad=full&mode=reflect&st=2,1&dl=1,2&show=magnitude&lens=3,4&lt=sobelX&lx=noise&lr=0.01&ln=30&seed=5';

  it('every field round-trips through the link', async () => {
    await openKernels(FULL);
    expect(config()).toEqual({
      sample: 'checker',
      color: 'rgb',
      weights: [
        [1, 2],
        [3, 4],
      ],
      divisor: 5,
      padding: 'full',
      paddingMode: 'reflect',
      stride: [2, 1],
      dilation: [1, 2],
      display: 'magnitude',
      lens: [3, 4],
      learnTarget: 'sobelX',
      learnData: 'noise',
      learningRate: 0.01,
      learnSteps: 30,
      learnSeed: 5,
    });
    expect(encodeView(selectView(useAppStore.getState()))).toBe(FULL);
    expect(screen.queryByTestId('link-notice')).toBeNull();
  });

  it('the defaults make the shortest link', async () => {
    await openKernels();
    expect(config()).toEqual(KERNELS_DEFAULTS);
    expect(encodeView(selectView(useAppStore.getState()))).toBe('?v=1&p=kernels');
  });

  it.each([
    ['img=moon', 'img', 'sample', 'edge'],
    ['k=1,2;3', 'k', 'weights', [[1, -1]]],
    ['show=rainbow', 'show', 'display', 'signed'],
    ['st=9', 'st', 'stride', [1, 1]],
    ['lr=abc', 'lr', 'learningRate', 0.03],
    ['ln=0', 'ln', 'learnSteps', 20],
  ] as const)('a bad %s in the link falls back to the default and says so', async (query, key, field, fallback) => {
    await openKernels(`?v=1&p=kernels&${query}`);
    expect(config()[field]).toEqual(fallback);
    expect(screen.getByTestId('link-notice')).toHaveTextContent(key);
  });

  it('fields that clash are reset in turn: a negative learning rate, or a dilated kernel larger than the picture', async () => {
    await openKernels('?v=1&p=kernels&lr=-0.5&dl=4&k=1,1,1;1,1,1;1,1,1');
    expect(config().learningRate).toBe(0.03);
    expect(config().dilation).toEqual([1, 1]);
    expect(config().weights).toEqual([
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ]);
    expect(screen.getByTestId('link-notice')).toHaveTextContent('lr');
    expect(screen.getByTestId('link-notice')).toHaveTextContent('dl');
  });

  it('renders in Chinese with the notes’ terms', async () => {
    await openKernels('?v=1&p=kernels&lang=zh');
    expect(screen.getByRole('heading', { level: 1, name: '图像卷积核' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '放大镜：输出像素 (0, 1)' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '学习卷积核' })).toBeInTheDocument();
    expect(screen.getAllByLabelText('步幅：高').length).toBeGreaterThan(0);
  });
});
