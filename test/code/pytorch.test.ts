// The PyTorch code generator against the engine: for every panel's defaults, presets and random valid configs, the printed
// shapes and values are the engine's own, the code names every argument of the configuration, and no bad number slips in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  avgPool2d,
  avgPool2dBackward,
  conv2d,
  conv3d,
  convTranspose2d,
  filterImage,
  imageConvOptions,
  layerStackGeometry,
  luminance,
  maxPool2d,
  maxPool2dBackward,
  notesEdgeImage,
  planConv2d,
  tensor,
  type AvgPool2dOptions,
  type MaxPool2dOptions,
  type Tensor,
} from '../../src/engine/index.ts';
import { PANEL_IDS, type BuiltPanelId, type PanelConfigs } from '../../src/app/panels.ts';
import { nestedLiteral, pyNumber, pytorchSnippet, type PytorchSnippet } from '../../src/code/pytorch.ts';
import { matrixTensor } from '../../src/ui/matrix.ts';
import { pathCounts } from '../../src/panels/dilation/gridding.ts';
import { effectiveStride, poolOptions, poolTensor } from '../../src/panels/pooling/poolingConfig.ts';
import { gradOutputFor } from '../../src/panels/pooling/poolingTrace.ts';
import { layerTensors, blobVolume } from '../../src/panels/channels/channelsLayer.ts';
import { filterOptions, SAMPLE_SIZES } from '../../src/panels/kernels/kernelsConfig.ts';
import { CONFIG_ARBS, presetCases, type AnyPanelCase } from './panelCases.ts';

interface Expected {
  shape: number[];
  /** Engine values of the result, when the code's inputs are the panel's real numbers. */
  values: number[] | null;
  /** Substrings the code must contain: the configuration's arguments. */
  mentions: string[];
}

const pair = (p: readonly number[]) => (p.every((v) => v === p[0]) ? String(p[0]) : `(${p.join(', ')})`);
const withBatch = (t: Tensor): number[] => [1, ...t.shape];
const flat = (t: Tensor): number[] => Array.from(t.data);
const result = (t: Tensor, mentions: string[]): Expected => ({ shape: withBatch(t), values: flat(t), mentions });
const python = (b: boolean) => (b ? 'True' : 'False');

/** What the snippet must print, computed here straight from the engine's ops (not through the panels' traces). */
function expectedFor(c: AnyPanelCase): Expected {
  switch (c.panel) {
    case 'basics': {
      const k = c.config;
      const y = conv2d(matrixTensor(k.input, [1]), matrixTensor(k.kernel, [1, 1]), { flip: k.flip, bias: [k.bias] });
      return result(y, [
        'F.conv2d(x, w',
        ...(k.flip ? ['torch.flip(w, dims=(-2, -1))'] : []),
        ...(k.bias !== 0 ? [`torch.tensor([${pyNumber(k.bias)}], dtype=torch.float32)`] : []),
      ]);
    }
    case 'padding':
    case 'stride':
    case 'dilation': {
      const k = c.config;
      const y = conv2d(matrixTensor(k.input, [1]), matrixTensor(k.kernel, [1, 1]), {
        padding: k.padding,
        paddingMode: k.paddingMode,
        stride: k.stride,
        dilation: k.dilation,
      });
      const [top, bottom, left, right] = k.padding;
      const padding =
        top === bottom && left === right
          ? [`padding=${pair([top, left])}`, `padding_mode='${k.paddingMode}'`]
          : [`F.pad(x, (${left}, ${right}, ${top}, ${bottom}), mode='${k.paddingMode === 'zeros' ? 'constant' : k.paddingMode}')`];
      return result(y, [
        'nn.Conv2d(1, 1,',
        `kernel_size=${pair([k.kernel.length, k.kernel[0]?.length ?? 0])}`,
        `stride=${pair(k.stride)}`,
        `dilation=${pair(k.dilation)}`,
        ...padding,
      ]);
    }
    case 'transposed': {
      const k = c.config;
      const y = convTranspose2d(matrixTensor(k.input, [1]), matrixTensor(k.kernel, [1, 1]), {
        stride: k.stride,
        padding: k.padding,
        outputPadding: k.outputPadding,
        dilation: k.dilation,
      });
      return result(y, [
        'nn.ConvTranspose2d(1, 1,',
        `kernel_size=${pair([k.kernel.length, k.kernel[0]?.length ?? 0])}`,
        `stride=${pair(k.stride)}`,
        `padding=${pair(k.padding)}`,
        `output_padding=${pair(k.outputPadding)}`,
        `dilation=${pair(k.dilation)}`,
      ]);
    }
    case 'pooling': {
      const k = c.config;
      const input = poolTensor(k);
      const options = poolOptions(k);
      const y = k.kind === 'max' ? maxPool2d(input, options as MaxPool2dOptions) : avgPool2d(input, options as AvgPool2dOptions);
      const mentions = [
        k.kind === 'max' ? 'nn.MaxPool2d(' : 'nn.AvgPool2d(',
        `kernel_size=${pair(k.kernel)}`,
        `stride=${pair(effectiveStride(k))}`,
        `padding=${pair(k.padding)}`,
        `ceil_mode=${python(k.ceilMode)}`,
        k.kind === 'max' ? `dilation=${pair(k.dilation)}` : `count_include_pad=${python(k.countIncludePad)}`,
      ];
      if (k.pass === 'forward') return result(y, mentions);
      const grad = gradOutputFor(k, y.shape as [number, number, number]);
      const gradInput =
        k.kind === 'max' ? maxPool2dBackward(grad, input, options as MaxPool2dOptions) : avgPool2dBackward(grad, input, options as AvgPool2dOptions);
      return result(gradInput, [...mentions, 'requires_grad=True', 'y.backward(grad)']);
    }
    case 'receptive': {
      const k = c.config;
      const { axes } = layerStackGeometry(k.inputSize, k.layers);
      const out = axes[axes.length - 1]?.output ?? 0;
      const mentions = k.layers.map((layer) => {
        const common = `kernel_size=${layer.kernel}, stride=${layer.stride}, padding=${layer.padding}`;
        if (layer.kind === 'conv') return `nn.Conv2d(C, C, ${common}, dilation=${layer.dilation})`;
        return layer.kind === 'max' ? `nn.MaxPool2d(${common}, dilation=${layer.dilation})` : `nn.AvgPool2d(${common})`;
      });
      return { shape: [1, 1, out, out], values: null, mentions: [...mentions, `torch.zeros(1, 1, ${k.inputSize}, ${k.inputSize})`] };
    }
    case 'channels': {
      const k = c.config;
      if (k.view === 'cost') {
        const plan = planConv2d([k.costIn, ...k.costSize], [k.costOut, k.costIn, ...k.costKernel], {
          padding: [...k.costPadding],
          stride: [...k.costStride],
        });
        return {
          shape: [1, ...plan.outputShape],
          values: null,
          mentions: [
            `nn.Conv2d(${k.costIn}, ${k.costOut}, kernel_size=${pair(k.costKernel)}, stride=${pair(k.costStride)}, padding=${pair(k.costPadding)}, bias=${python(k.costBias)}`,
            `groups=${k.costIn}`,
          ],
        };
      }
      if (k.view === 'volume') {
        const [d, h, w] = k.volume;
        const [kd, kh, kw] = k.volumeKernel;
        const y = conv3d(tensor(blobVolume(d, h, w), [1, d, h, w]), tensor(new Array<number>(kd * kh * kw).fill(1), [1, 1, kd, kh, kw]), {
          stride: k.volumeStride,
          padding: k.volumePadding,
        });
        return result(y, [
          `nn.Conv3d(1, 1, kernel_size=${pair(k.volumeKernel)}, stride=${pair(k.volumeStride)}, padding=${pair(k.volumePadding)}`,
          `nn.Conv3d(${k.volumeChannels[0]}, ${k.volumeChannels[1]},`,
        ]);
      }
      const layer = layerTensors(k);
      const y = conv2d(layer.input, layer.weight, { bias: layer.bias, groups: layer.groups });
      const [cout, , kh, kw] = layer.weight.shape;
      return result(y, [
        `nn.Conv2d(${k.input.length}, ${cout}, kernel_size=${pair([kh ?? 0, kw ?? 0])}, groups=${k.groups}, bias=${python(k.bias.length > 0)})`,
      ]);
    }
    case 'kernels': {
      const k = c.config;
      const [height, width] = SAMPLE_SIZES[k.sample];
      const channels = k.color === 'rgb' ? 3 : 1;
      const options = filterOptions(k);
      const conv = imageConvOptions([channels, height, width], k.weights.length, k.weights[0]?.length ?? 0, options);
      const [top, bottom, left, right] = conv.padding;
      const mentions = [
        `stride=${pair(k.stride)}`,
        `dilation=${pair(k.dilation)}`,
        `groups=${channels}`,
        ...(k.divisor !== 1 ? [`/ ${k.divisor}`] : []),
        ...(top + bottom + left + right > 0
          ? [`F.pad(x, (${left}, ${right}, ${top}, ${bottom}), mode='${k.paddingMode === 'zeros' ? 'constant' : k.paddingMode}')`]
          : []),
        ...(k.sample === 'edge' ? [] : [`torch.rand(1, 3, ${height}, ${width})`, `read_image('${k.sample}.png')`]),
      ];
      if (k.sample !== 'edge') {
        const plan = planConv2d([channels, height, width], [channels, 1, k.weights.length, k.weights[0]?.length ?? 0], conv);
        return { shape: [1, ...plan.outputShape], values: null, mentions };
      }
      const plane = notesEdgeImage();
      const rgb = tensor([...plane.data, ...plane.data, ...plane.data], [3, height, width]);
      return result(filterImage(k.color === 'gray' ? luminance(rgb) : rgb, k.weights, k.divisor, options).output, mentions);
    }
  }
}

function snippetOf(c: AnyPanelCase, language: 'en' | 'zh' = 'en'): PytorchSnippet {
  return pytorchSnippet(c.panel, c.config as PanelConfigs[typeof c.panel], language);
}

/** The snippet prints exactly the engine's result and names every argument; nothing non-numeric is written as a number. */
function checkCase(c: AnyPanelCase): void {
  const expected = expectedFor(c);
  for (const language of ['en', 'zh'] as const) {
    const snippet = snippetOf(c, language);
    expect(snippet.outputShape, c.id).toEqual(expected.shape);
    expect(snippet.checks[0]?.shape).toEqual(expected.shape);
    if (expected.values) {
      const values = snippet.checks[0]?.values ?? [];
      expect(values.length, c.id).toBe(expected.values.length);
      values.forEach((v, i) => expect(v).toBeCloseTo(expected.values?.[i] as number, 4));
    } else {
      expect(snippet.checks[0]?.values).toBeNull();
    }
    for (const mention of expected.mentions) expect(snippet.code, `${c.id} mentions ${mention}`).toContain(mention);
    expect(snippet.code).toContain(`print(${snippet.result}.shape)  # torch.Size([${expected.shape.join(', ')}])`);
    expect(snippet.code).not.toMatch(/NaN|Infinity|undefined|null|\[object/);
    for (const check of snippet.checks) expect(check.shape.every((n) => Number.isInteger(n) && n >= 1)).toBe(true);
    for (const count of snippet.counts) expect(snippet.code).toContain(`print(${count.expression})  # ${count.value}`);
  }
}

describe('pytorchSnippet on every preset', () => {
  const cases = presetCases();
  it('covers every panel', () => {
    expect(new Set(cases.map((c) => c.panel))).toEqual(new Set(PANEL_IDS));
  });
  it.each(cases.map((c) => [c.id, c] as const))('%s: shapes, values and arguments match the engine', (_, c) => checkCase(c));
});

describe('pytorchSnippet on random valid configurations', () => {
  it.each(PANEL_IDS.map((panel) => [panel] as const))('%s', (panel: BuiltPanelId) => {
    const arb = CONFIG_ARBS[panel] as fc.Arbitrary<PanelConfigs[BuiltPanelId]>;
    fc.assert(
      fc.property(arb, (config) => checkCase({ id: `${panel}: random`, panel, config } as AnyPanelCase)),
      { numRuns: 40 },
    );
  });
});

describe('the parts of the code', () => {
  it('lays out a tensor literal like NumPy: one row a line, right-aligned, a blank line between channels', () => {
    const literal = nestedLiteral(
      [
        [
          [
            [0, -1],
            [10, 2],
          ],
          [
            [3, 4],
            [5, 6],
          ],
        ],
      ],
      4,
    );
    expect(literal).toBe('[[[[ 0, -1],\n       [10,  2]],\n\n      [[ 3,  4],\n       [ 5,  6]]]]');
  });

  it('refuses a number Python would not read, with a message naming it', () => {
    expect(() => pyNumber(Number.NaN)).toThrow(/NaN is not a finite number/);
    expect(() => pyNumber(Infinity)).toThrow(/Infinity is not a finite number/);
    expect(pyNumber(-0)).toBe('0');
    expect(pyNumber(0.1111)).toBe('0.1111');
  });

  it('throws the engine’s reason for a stack that cannot run, so the view can say why', () => {
    const config = { layers: [{ kind: 'conv' as const, kernel: 11, stride: 1, padding: 0, dilation: 1 }], inputSize: 4, unit: null };
    expect(() => pytorchSnippet('receptive', config)).toThrow(/layer 1: kernel 11 is larger than the padded input 4/);
  });

  it('writes a true convolution as torch.flip of the kernel, and its comments in Chinese', () => {
    const snippet = pytorchSnippet('basics', { input: [[1, 2, 3]], kernel: [[1, -1]], flip: true, bias: 0.5 }, 'zh');
    expect(snippet.code).toContain('w = torch.flip(w, dims=(-2, -1))');
    expect(snippet.code).toContain('y = F.conv2d(x, w, bias=b)');
    expect(snippet.code).toContain('# 真正的卷积');
    expect(snippet.checks[0]?.values).toEqual([1.5, 1.5]);
  });

  it('prints the gridding path counts the Dilation panel draws', () => {
    const snippet = pytorchSnippet('dilation', { ...expectedDilationBase(), stack: [1, 2] });
    const paths = snippet.checks.find((check) => check.name === 'paths');
    const counts = pathCounts([1, 2]);
    expect(paths?.shape).toEqual([1, ...counts.shape]);
    expect(paths?.values).toEqual(flat(counts));
  });
});

function expectedDilationBase(): PanelConfigs['dilation'] {
  return presetCases().find((c) => c.panel === 'dilation')?.config as PanelConfigs['dilation'];
}
