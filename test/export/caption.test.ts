// The export caption of every panel: its fields from the configuration, its output sizes from the engine's own ops.

import { avgPool2d, conv2d, conv3d, convTranspose2d, maxPool2d, receptiveField, tensor, type Tensor } from '../../src/engine/index.ts';
import { defaultConfigs } from '../../src/app/panels.ts';
import { captionFields, exportCaption, exportFileStem } from '../../src/export/caption.ts';
import { STRIDE_PRESETS } from '../../src/panels/stride/strideConfig.ts';
import { PADDING_PRESETS } from '../../src/panels/padding/paddingConfig.ts';
import { TRANSPOSED_PRESETS } from '../../src/panels/transposed/transposedConfig.ts';
import { POOL_PRESETS } from '../../src/panels/pooling/poolingConfig.ts';
import { RECEPTIVE_PRESETS } from '../../src/panels/receptive/receptiveConfig.ts';
import { COST_PRESETS, VOLUME_PRESETS } from '../../src/panels/channels/channelsConfig.ts';
import { LAB_PRESETS, SAMPLE_SIZES } from '../../src/panels/kernels/kernelsConfig.ts';
import type { Matrix } from '../../src/url/fields.ts';

const defaults = defaultConfigs();

const asTensor = (m: Matrix): Tensor => tensor(m.flat(), [1, m.length, m[0]?.length ?? 0]);
const asWeight = (m: Matrix): Tensor => tensor(m.flat(), [1, 1, m.length, m[0]?.length ?? 0]);
/** "H×W" of a [C, H, W] result. */
const spatial = (t: Tensor) => `${t.shape[1]}×${t.shape[2]}`;

function preset<T extends { id: string }>(list: readonly T[], id: string): T {
  const found = list.find((p) => p.id === id);
  if (!found) throw new Error(`no preset ${id}`);
  return found;
}

describe('export caption', () => {
  it('basics: cross-correlation of the notes’ 3×3 by 2×2, the output size from conv2d', () => {
    const { input, kernel } = defaults.basics;
    const out = conv2d(asTensor(input), asWeight(kernel));
    expect(exportCaption('basics', defaults.basics)).toBe(`cross-correlation  in 3×3  k 2×2  out ${spatial(out)}`);
  });

  it('basics: a 4×4 input with true convolution and a bias says so', () => {
    const input = [
      [1, 2, 0, 1],
      [0, 1, 3, 2],
      [2, 0, 1, 1],
      [1, 3, 2, 0],
    ];
    const kernel = [
      [1, 0, 1],
      [0, 1, 0],
      [1, 0, 1],
    ];
    const out = conv2d(asTensor(input), asWeight(kernel), { flip: true, bias: [2] });
    expect(exportCaption('basics', { input, kernel, flip: true, bias: 2 })).toBe(`convolution  in 4×4  k 3×3  bias 2  out ${spatial(out)}`);
  });

  it('stride: in=8×8 k=3 s=2 p=1 (the default) → the output conv2d computes', () => {
    const c = defaults.stride;
    const out = conv2d(asTensor(c.input), asWeight(c.kernel), { stride: c.stride, padding: c.padding, dilation: c.dilation });
    expect(exportCaption('stride', c)).toBe(`conv2d  in 8×8  k 3  s 2  p 1  d 1  zeros  out ${spatial(out)}`);
  });

  it('stride: a rectangular kernel, per-axis stride and per-axis padding are written as tuples', () => {
    const c = preset(STRIDE_PRESETS, 'rect').config;
    const out = conv2d(asTensor(c.input), asWeight(c.kernel), { stride: c.stride, padding: c.padding });
    expect(exportCaption('stride', c)).toBe(`conv2d  in 8×8  k 3×5  s (3, 4)  p (0, 1)  d 1  zeros  out ${spatial(out)}`);
  });

  it('padding: uneven sides are written top, bottom, left, right, and the mode is named', () => {
    const even = preset(PADDING_PRESETS, 'evenSame').config;
    const out = conv2d(asTensor(even.input), asWeight(even.kernel), { padding: even.padding });
    expect(exportCaption('padding', even)).toBe(`conv2d  in 5×5  k 2  s 1  p (0, 1, 0, 1)  d 1  zeros  out ${spatial(out)}`);
    const reflect = preset(PADDING_PRESETS, 'reflect').config;
    const reflected = conv2d(asTensor(reflect.input), asWeight(reflect.kernel), { padding: reflect.padding, paddingMode: 'reflect' });
    expect(exportCaption('padding', reflect)).toBe(`conv2d  in 5×5  k 3  s 1  p 2  d 1  reflect  out ${spatial(reflected)}`);
  });

  it('dilation: the default d = 2 on 7×7', () => {
    const c = defaults.dilation;
    const out = conv2d(asTensor(c.input), asWeight(c.kernel), { dilation: c.dilation });
    expect(exportCaption('dilation', c)).toBe(`conv2d  in 7×7  k 3  s 1  p 0  d 2  zeros  out ${spatial(out)}`);
  });

  it('transposed: 2×2 → the size conv_transpose2d gives (5×5 for k 3, s 2, p 0)', () => {
    const c = defaults.transposed;
    const out = convTranspose2d(asTensor(c.input), asWeight(c.kernel), { stride: c.stride, padding: c.padding });
    expect(exportCaption('transposed', c)).toBe(`conv_transpose2d  in 2×2  k 3  s 2  p 0  out ${spatial(out)}`);
    expect(spatial(out)).toBe('5×5');
  });

  it('transposed: output padding and dilation appear only when set', () => {
    const c = preset(TRANSPOSED_PRESETS, 'outputPadding').config;
    const out = convTranspose2d(asTensor(c.input), asWeight(c.kernel), { stride: c.stride, padding: c.padding, outputPadding: c.outputPadding });
    expect(exportCaption('transposed', c)).toBe(`conv_transpose2d  in 3×3  k 3  s 2  p 1  op 1  out ${spatial(out)}`);
    const dilated = preset(TRANSPOSED_PRESETS, 'dilated').config;
    expect(captionFields('transposed', dilated)).toContain('d 2');
  });

  it('pooling: the notes’ 4×4 max pooling, 2×2 windows at stride 2', () => {
    const c = defaults.pooling;
    const out = maxPool2d(asTensor(c.input[0] as Matrix), { kernelSize: c.kernel, stride: c.stride ?? c.kernel });
    expect(exportCaption('pooling', c)).toBe(`max_pool2d  in 4×4  k 2  s 2  out ${spatial(out)}`);
  });

  it('pooling: ceil mode, average pooling and several channels', () => {
    const ceil = { ...defaults.pooling, ...preset(POOL_PRESETS, 'ceilOverhang').settings };
    const out = avgPool2d(asTensor(ceil.input[0] as Matrix), { kernelSize: ceil.kernel, stride: ceil.stride ?? ceil.kernel, ceilMode: true });
    expect(exportCaption('pooling', ceil)).toBe(`avg_pool2d  in 5×5  k 2  s 2  ceil  out ${spatial(out)}`);
    const channels = { ...defaults.pooling, ...preset(POOL_PRESETS, 'channels').settings };
    expect(exportCaption('pooling', channels)).toBe('max_pool2d  in 3×4×4  k 2  s 2  out 3×2×2');
    const exclude = { ...defaults.pooling, ...preset(POOL_PRESETS, 'excludePad').settings };
    expect(captionFields('pooling', exclude)).toEqual(expect.arrayContaining(['avg_pool2d', 'p 1', 'exclude pad']));
    expect(captionFields('pooling', { ...defaults.pooling, pass: 'backward' })).toContain('backward');
  });

  it('receptive: the layer count and the receptive field from the engine’s formula', () => {
    for (const id of ['notes', 'three3x3', 'vgg16']) {
      const c = preset(RECEPTIVE_PRESETS, id).config;
      const fields = receptiveField(c.layers.map((l) => ({ kernelSize: l.kernel, stride: l.stride, padding: l.padding, dilation: l.dilation })));
      const caption = exportCaption('receptive', c);
      expect(caption.startsWith(`${c.layers.length} layers  in ${c.inputSize}×${c.inputSize}  out `)).toBe(true);
      expect(caption.endsWith(`  RF ${fields[fields.length - 1]?.size}`)).toBe(true);
    }
    // Four 3×3 layers at stride 1: 1 + 4·2 = 9 (a check on the formula's use, not a copy of it).
    const four = {
      layers: Array.from({ length: 4 }, () => ({ kind: 'conv' as const, kernel: 3, stride: 1, padding: 1, dilation: 1 })),
      inputSize: 16,
      unit: null,
    };
    expect(exportCaption('receptive', four)).toBe('4 layers  in 16×16  out 16×16  RF 9');
  });

  it('receptive: a stack that does not fit names the layer', () => {
    const tooBig = { layers: [{ kind: 'conv' as const, kernel: 11, stride: 1, padding: 0, dilation: 1 }], inputSize: 4, unit: null };
    expect(captionFields('receptive', tooBig)).toContain('layer 1 does not fit');
  });

  it('channels: the layer view, the cost view and the 3-D view each describe their own layer', () => {
    const c = defaults.channels;
    const input = tensor(c.input.flat(2), [c.input.length, c.input[0]?.length ?? 0, c.input[0]?.[0]?.length ?? 0]);
    const weight = tensor(c.weight.flat(3), [
      c.weight.length,
      c.weight[0]?.length ?? 0,
      c.weight[0]?.[0]?.length ?? 0,
      c.weight[0]?.[0]?.[0]?.length ?? 0,
    ]);
    const out = conv2d(input, weight, { groups: c.groups });
    expect(exportCaption('channels', c)).toBe(`conv2d  in ${input.shape.join('×')}  k 2  no bias  out ${out.shape.join('×')}`);

    const cost = { ...c, view: 'cost' as const, ...preset(COST_PRESETS, 'rgb224').config };
    const costOut = conv2d(tensor(new Float32Array(3 * 224 * 224), [3, 224, 224]), tensor(new Float32Array(64 * 3 * 9), [64, 3, 3, 3]), {
      padding: 1,
    });
    expect(exportCaption('channels', cost)).toBe(`conv2d  in 3×224×224  k 3  s 1  p 1  out ${costOut.shape.join('×')}`);

    const volume = { ...c, view: 'volume' as const, ...preset(VOLUME_PRESETS, 'depthStride').config };
    const volumeOut = conv3d(tensor(new Float32Array(6 * 4 * 4), [1, 6, 4, 4]), tensor(new Float32Array(27), [1, 1, 3, 3, 3]), {
      stride: [2, 1, 1],
      padding: [1, 0, 0],
    });
    expect(exportCaption('channels', volume)).toBe(
      `conv3d  in 6×4×4  k 3×3×3  s (2, 1, 1)  p (1, 0, 0)  out ${volumeOut.shape.slice(1).join('×')}  channels 1 → 1`,
    );
  });

  it('kernels: the sample, the kernel with its divisor, the padding preset and the output size', () => {
    const c = defaults.kernels;
    const [h, w] = SAMPLE_SIZES[c.sample];
    const out = conv2d(tensor(new Float32Array(h * w), [1, h, w]), asWeight(c.weights));
    expect(exportCaption('kernels', c)).toBe(`conv2d  image edge ${h}×${w}  grey  k 1×2  valid  zeros  s 1  d 1  out ${spatial(out)}`);
    const blur = { ...c, ...preset(LAB_PRESETS, 'strokesBlur').config };
    const fields = captionFields('kernels', blur);
    expect(fields).toEqual(expect.arrayContaining(['RGB', 'k 5 ÷ 256', 'same', 'reflect', `out ${SAMPLE_SIZES.strokes.join('×')}`]));
  });

  it('every panel’s default has a caption that starts with its operation and holds no blank field', () => {
    for (const panel of Object.keys(defaults) as (keyof typeof defaults)[]) {
      const fields = captionFields(panel, defaults[panel]);
      expect(fields.length).toBeGreaterThan(2);
      expect(fields.every((f) => f.trim() === f && f.length > 0)).toBe(true);
    }
  });

  it('file names: the panel, then kernel and stride', () => {
    expect(exportFileStem('stride', defaults.stride)).toBe('convscope-stride-k3-s2');
    expect(exportFileStem('stride', preset(STRIDE_PRESETS, 'rect').config)).toBe('convscope-stride-k3x5-s3x4');
    expect(exportFileStem('receptive', defaults.receptive)).toBe('convscope-receptive');
    expect(exportFileStem('basics', defaults.basics)).toMatch(/^convscope-basics-k2x2$/);
  });
});
