// Preset names in quiz mode: the result after the arrow becomes "?", the settings in brackets stay, names without an arrow stay.
import { withoutResult } from '../../src/quiz/presetLabel.ts';
import { PADDING_MESSAGES } from '../../src/panels/padding/messages.ts';
import { STRIDE_MESSAGES } from '../../src/panels/stride/messages.ts';
import { TRANSPOSED_MESSAGES } from '../../src/panels/transposed/messages.ts';
import { DILATION_MESSAGES } from '../../src/panels/dilation/messages.ts';

describe('withoutResult', () => {
  it('replaces a result at the end of the name, in both languages', () => {
    expect(withoutResult(STRIDE_MESSAGES.en['preset.half'])).toBe('Notes: 8×8, k = 3, p = 1, s = 2 → ?');
    expect(withoutResult(STRIDE_MESSAGES.zh['preset.half'])).toBe('笔记：8×8，k = 3，p = 1，s = 2 → ?');
    expect(withoutResult(STRIDE_MESSAGES.en['preset.figure'])).toBe('Notes’ figure: 3×3, p = 1, k = 2, s = (3, 2) → ?');
    expect(withoutResult(PADDING_MESSAGES.en['preset.notes3x3'])).toBe('Notes: 3×3 padded to 5×5, 2×2 kernel → ?');
  });

  it('keeps the settings in brackets after the result (transposed’s output size comes before them)', () => {
    expect(withoutResult(TRANSPOSED_MESSAGES.en['preset.roundTrip'])).toBe('Notes: 2×2 → ? (k 3, s 2, p 0)');
    expect(withoutResult(TRANSPOSED_MESSAGES.zh['preset.roundTrip'])).toBe('笔记：2×2 → ?（k 3，s 2，p 0）');
    expect(withoutResult(TRANSPOSED_MESSAGES.en['preset.outputPadding'])).toBe('3×3 → ? (k 3, s 2, p 1)');
  });

  it('leaves names without an arrow alone', () => {
    expect(withoutResult(DILATION_MESSAGES.en['preset.spread'])).toBe(DILATION_MESSAGES.en['preset.spread']);
    expect(withoutResult('')).toBe('');
  });
});
