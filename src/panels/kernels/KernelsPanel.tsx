// The Image kernels panel: classic kernels on real pictures (or the user's own), a lens on one output pixel, separable Sobel,
// and "learn the kernel" (notes 001): gradient descent finding [1, −1] from the edge image.

import { useContext, useDeferredValue, useMemo, useState, type DragEvent } from 'react';
import {
  at3,
  convOutputSizeGeneral,
  imageKernel,
  lensReading,
  luminance,
  PADDING_MODES,
  separableFactors,
  type LensReading,
  type PaddingMode,
  type SeparableFactors,
  type PaddingPreset,
  type Tensor,
} from '../../engine/index.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import { usePanelConfig } from '../../state/usePanelConfig.ts';
import { Formula } from '../../ui/Formula.tsx';
import { PairControl } from '../../ui/NumberControl.tsx';
import { PresetSelect } from '../../ui/PresetSelect.tsx';
import { formatNumber } from '../../ui/formatNumber.ts';
import type { FilterOutcome, FilterRequest, SeparableOutcome, SeparableRequest } from './filterJob.ts';
import {
  ImageFileError,
  ImageSourcesContext,
  MAX_IMAGE_SIDE,
  readImageFile,
  type ImageFileDetail,
  type ImageSources,
  type LabImage,
} from './imageSource.ts';
import { KernelEditor } from './KernelEditor.tsx';
import {
  DISPLAY_MODES,
  filterOptions,
  KERNELS_LIMITS,
  LAB_PRESETS,
  PADDING_CHOICES,
  SAMPLE_IDS,
  type ColorMode,
  type LabConfig,
  type SampleId,
} from './kernelsConfig.ts';
import { LabViews } from './LabViews.tsx';
import { LearnSection } from './LearnSection.tsx';
import { Lens } from './Lens.tsx';
import { KERNELS_MESSAGES, type KernelsMessageKey } from './messages.ts';
import { SeparableView } from './SeparableView.tsx';
import { useFilterClient, useJob, useSampleImage } from './useLab.ts';

/**
 * The user's picture, kept per image source so it survives leaving and reopening the panel (it is never stored anywhere
 * else); a different source (a test's decoder) starts without one.
 */
const openedPictures = new WeakMap<ImageSources, LabImage>();

const SOBEL_X = imageKernel('sobelX');
/** Sobel x's factors [1, 2, 1]ᵀ and [1, 0, −1], shown when the lab's kernel cannot be split. */
const SOBEL_FACTORS = separableFactors(SOBEL_X.weights) as SeparableFactors;

/**
 * The lab's fields that a preset is recognised by, in one fixed order, so a preset and the current settings compare equal
 * when their values are. The lens is left out: moving it over the picture keeps the preset.
 */
type LabLook = Omit<LabConfig, 'lens'>;
function labLook(config: LabConfig): LabLook {
  const { sample, color, weights, divisor, padding, paddingMode, stride, dilation, display } = config;
  return { sample, color, weights, divisor, padding, paddingMode, stride, dilation, display };
}

/** A message about the opened file; `detail` (why a file was refused) is worded at render, so it follows a language switch. */
type FileMessage = { key: KernelsMessageKey; params: Record<string, string | number>; detail?: ImageFileDetail } | null;

/** Why a file was refused, in the reader's language (the browser's own messages stay as the browser wrote them). */
function fileDetailText(detail: ImageFileDetail, t: (key: KernelsMessageKey, params?: Record<string, string | number>) => string): string {
  switch (detail.kind) {
    case 'pixels':
      return t('fileDetail.pixels', { width: detail.width, height: detail.height });
    case 'megabytes':
      return t('fileDetail.megabytes', { megabytes: detail.megabytes });
    case 'type':
      return detail.type;
    case 'text':
      return detail.text;
    default:
      return t(`fileDetail.${detail.kind}`);
  }
}

export default function KernelsPanel() {
  const t = usePanelT(KERNELS_MESSAGES);
  const sources = useContext(ImageSourcesContext);
  const { config, update } = usePanelConfig('kernels');
  const [file, setFile] = useState<LabImage | null>(() => openedPictures.get(sources) ?? null);
  const [fileMessage, setFileMessage] = useState<FileMessage>(null);
  const [reading, setReading] = useState(false);
  const [channel, setChannel] = useState(0);
  const sample = useSampleImage(config.sample);
  const image = file ?? sample.image;
  const client = useFilterClient();

  const { weights, divisor, color, padding, paddingMode, stride, dilation, display } = config;
  const range = image?.range ?? 255;
  const options = useMemo(() => filterOptions({ padding, paddingMode, stride, dilation }), [padding, paddingMode, stride, dilation]);
  const paint = useMemo(() => ({ display, range }), [display, range]);
  const filterRequest = useMemo<FilterRequest>(
    () => ({ kind: 'filter', weights, divisor, options, color, paint }),
    [weights, divisor, options, color, paint],
  );
  // A 1-row or 1-column kernel is already one-dimensional: splitting it buys nothing, so Sobel x stands in.
  const oneDimensional = weights.length === 1 || (weights[0]?.length ?? 1) === 1;
  const labFactors = useMemo(() => (oneDimensional ? null : separableFactors(weights)), [weights, oneDimensional]);
  const factors = labFactors ?? SOBEL_FACTORS;
  const separableDivisor = labFactors ? divisor : SOBEL_X.divisor;
  const separableRequest = useMemo<SeparableRequest>(
    () => ({ kind: 'separable', factors, divisor: separableDivisor, options, color, paint }),
    [factors, separableDivisor, options, color, paint],
  );
  const filter = useJob(client, image, filterRequest);
  const { learnTarget, learnData, learningRate, learnSteps, learnSeed } = config;
  const learn = useMemo(
    () => ({ learnTarget, learnData, learningRate, learnSteps, learnSeed }),
    [learnTarget, learnData, learningRate, learnSteps, learnSeed],
  );
  // Only the 'lab' target follows the lab's kernel; otherwise dragging a weight leaves the learning section alone.
  const labKernel = useMemo(() => (learnTarget === 'lab' ? { weights, divisor } : null), [learnTarget, weights, divisor]);
  const separable = useJob(client, image, separableRequest);

  const input: Tensor | null = useMemo(() => (image ? (color === 'gray' ? luminance(image.rgb) : image.rgb) : null), [image, color]);
  const channels = color === 'rgb' ? 3 : 1;
  const lensChannel = Math.min(channel, channels - 1);
  // The lens (grids and a long formula) follows a weight drag at lower priority, so the slider itself never waits for it.
  const lensKernel = useDeferredValue(useMemo(() => ({ weights, divisor }), [weights, divisor]));
  const lens: LensReading | null = useMemo(() => {
    if (!input) return null;
    try {
      return lensReading(input, lensKernel.weights, lensKernel.divisor, options, lensChannel, config.lens[0], config.lens[1]);
    } catch {
      return null;
    }
  }, [input, lensKernel, options, lensChannel, config.lens]);

  const filterOutcome = filter.result?.outcome as FilterOutcome | null | undefined;
  const lensIsCurrent = lensKernel.weights === weights && lensKernel.divisor === divisor;
  const engineValue = filter.current && lensIsCurrent && filterOutcome && lens ? at3(filterOutcome.output, lens.channel, lens.outY, lens.outX) : null;

  const openFile = async (chosen: File | undefined) => {
    if (!chosen) return;
    setReading(true);
    try {
      const opened = await readImageFile(chosen, sources.decode);
      openedPictures.set(sources, opened);
      setFile(opened);
      setFileMessage(
        opened.width !== opened.sourceWidth || opened.height !== opened.sourceHeight
          ? {
              key: 'fileShrunk',
              params: {
                name: opened.name,
                from: `${opened.sourceWidth}×${opened.sourceHeight}`,
                to: `${opened.width}×${opened.height}`,
                max: MAX_IMAGE_SIDE,
              },
            }
          : { key: 'fileOpened', params: { name: opened.name, size: `${opened.width}×${opened.height}` } },
      );
      update({ lens: [Math.floor(opened.height / 2), Math.floor(opened.width / 2)] });
    } catch (error) {
      const problem = error instanceof ImageFileError ? error.problem : 'unreadable';
      const detail: ImageFileDetail =
        error instanceof ImageFileError ? error.detail : { kind: 'text', text: error instanceof Error ? error.message : String(error) };
      setFileMessage({ key: `fileError.${problem}`, params: { name: chosen.name }, detail });
    } finally {
      setReading(false);
    }
  };
  const chooseSample = (id: SampleId) => {
    openedPictures.delete(sources);
    setFile(null);
    setFileMessage(null);
    update({ sample: id });
  };
  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    void openFile(event.dataTransfer?.files?.[0]);
  };

  const outputGeometry = lens?.geometry ?? null;
  const statusText = filter.result?.error
    ? t('filterError', { error: filter.result.error })
    : !image
      ? sample.failed
        ? t('sampleFailed')
        : t('loading')
      : filter.result
        ? `${t(filter.result.inWorker ? 'statusWorker' : 'statusMain', { ms: formatNumber(filter.result.engineMs) })}${filter.current ? '' : ` · ${t('updating')}`}`
        : t('computing');

  return (
    <article className="panel kernels-panel" aria-labelledby="kernels-title">
      <header className="panel-header">
        <h1 id="kernels-title">{t('title')}</h1>
        <p className="secondary">{t('intro')}</p>
      </header>
      <div className="panel-layout">
        <div className="stage">
          <div className="kernels-drop" onDragOver={(event) => event.preventDefault()} onDrop={onDrop} data-testid="drop-zone">
            {image && input ? (
              <LabViews
                input={input}
                range={image.range}
                output={filterOutcome?.output ?? null}
                outputPixels={filterOutcome?.pixels ?? null}
                display={config.display}
                lens={lens}
                onLens={(pixel) => update({ lens: [pixel.y, pixel.x] }, 'replace')}
                stale={!filter.current}
                outputLabel={t('outputLabel')}
              />
            ) : null}
            <p className="secondary kernels-status" data-testid="lab-status" role="status">
              {image
                ? `${t(file ? 'imageFile' : 'imageSample', { name: file ? file.name : t(`sample.${config.sample}` as KernelsMessageKey) })} · `
                : ''}
              {statusText}
            </p>
          </div>
          {outputGeometry && (
            <section className="formulas" aria-label={t('outputSize')}>
              <div className="formula-row">
                <span className="formula-label">{t('outputSize')}</span>
                <span className="formula-lines">
                  <Formula tex={`h_{out} = ${convOutputSizeGeneral(outputGeometry.height).tex}`} />
                  <Formula tex={`w_{out} = ${convOutputSizeGeneral(outputGeometry.width).tex}`} />
                </span>
              </div>
            </section>
          )}
          <p className="secondary">{t(`displayNote.${config.display}` as KernelsMessageKey)}</p>
          {lens && <Lens reading={lens} engineValue={engineValue} channels={channels} onChannel={setChannel} divisor={lensKernel.divisor} />}
          <SeparableView
            factors={factors}
            divisor={separableDivisor}
            reason={labFactors ? 'lab' : oneDimensional ? 'oneDimensional' : 'notSeparable'}
            outcome={(separable.result?.outcome as SeparableOutcome | null | undefined) ?? null}
            error={separable.result?.error ?? null}
            display={config.display}
            range={range}
            channel={lensChannel}
          />
        </div>
        <aside className="controls-column" aria-label={t('settings')}>
          <PresetSelect
            label={t('labPresets')}
            presets={LAB_PRESETS.map((preset) => ({ id: preset.id, label: t(`labPreset.${preset.id}` as KernelsMessageKey), config: preset }))}
            current={LAB_PRESETS.find((preset) => JSON.stringify(labLook(preset.config)) === JSON.stringify(labLook(config))) ?? null}
            onSelect={(preset) => {
              openedPictures.delete(sources);
              setFile(null);
              setFileMessage(null);
              if (preset) update(preset.config);
            }}
          />
          <fieldset className="kernels-picture">
            <legend>{t('picture')}</legend>
            <label className="preset-select">
              <span>{t('sampleLabel')}</span>
              <select value={file ? 'file' : config.sample} onChange={(event) => chooseSample(event.target.value as SampleId)} data-testid="sample">
                {file && (
                  <option value="file" disabled>
                    {t('imageFile', { name: file.name })}
                  </option>
                )}
                {SAMPLE_IDS.map((id) => (
                  <option key={id} value={id}>
                    {t(`sample.${id}` as KernelsMessageKey)}
                  </option>
                ))}
              </select>
            </label>
            <label className="kernels-file-button">
              {reading ? t('fileReading') : t('fileOpen')}
              <input
                type="file"
                accept="image/*"
                className="visually-hidden"
                onChange={(event) => void openFile(event.target.files?.[0])}
                data-testid="image-file"
              />
            </label>
            <p className="secondary kernels-hint">{t('fileHint', { max: MAX_IMAGE_SIDE })}</p>
            {fileMessage && (
              <p className={fileMessage.key.startsWith('fileError') ? 'control-message' : 'secondary'} role="status" data-testid="file-message">
                {t(
                  fileMessage.key,
                  fileMessage.detail ? { ...fileMessage.params, detail: fileDetailText(fileMessage.detail, t) } : fileMessage.params,
                )}
              </p>
            )}
            <div className="preset-buttons" role="group" aria-label={t('colorLabel')}>
              {(['gray', 'rgb'] as const satisfies readonly ColorMode[]).map((mode) => (
                <button key={mode} type="button" aria-pressed={config.color === mode} onClick={() => update({ color: mode })}>
                  {t(`color.${mode}`)}
                </button>
              ))}
            </div>
          </fieldset>
          <div className="preset-buttons" role="group" aria-label={t('displayLabel')}>
            {DISPLAY_MODES.map((mode) => (
              <button key={mode} type="button" aria-pressed={config.display === mode} onClick={() => update({ display: mode })}>
                {t(`display.${mode}`)}
              </button>
            ))}
          </div>
          <KernelEditor config={config} update={update} />
          <label className="preset-select">
            <span>{t('padding')}</span>
            <select value={padding} onChange={(event) => update({ padding: event.target.value as PaddingPreset })} data-testid="padding">
              {PADDING_CHOICES.map((choice) => (
                <option key={choice} value={choice}>
                  {t(`padding.${choice}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="preset-select">
            <span>{t('paddingMode')}</span>
            <select value={paddingMode} onChange={(event) => update({ paddingMode: event.target.value as PaddingMode })} data-testid="padding-mode">
              {PADDING_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`mode.${mode}`)}
                </option>
              ))}
            </select>
          </label>
          <PairControl
            label={t('stride')}
            value={stride}
            min={1}
            max={[KERNELS_LIMITS.stride, KERNELS_LIMITS.stride]}
            onChange={(next, intent) => update({ stride: next }, intent)}
            testId="stride"
          />
          <PairControl
            label={t('dilation')}
            value={dilation}
            min={1}
            max={[KERNELS_LIMITS.dilation, KERNELS_LIMITS.dilation]}
            onChange={(next, intent) => update({ dilation: next }, intent)}
            testId="dilation"
          />
        </aside>
      </div>
      <LearnSection learn={learn} labKernel={labKernel} update={update} image={image} />
    </article>
  );
}
