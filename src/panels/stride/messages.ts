// English/中文 strings of the Stride panel.

import { definePanelMessages } from '../../i18n/panelMessages.ts';
import { PANEL_HEADERS } from '../../i18n/panelHeaders.ts';

export const STRIDE_MESSAGES = definePanelMessages(
  {
    title: PANEL_HEADERS.en.stride.title,
    intro: PANEL_HEADERS.en.stride.intro,
    'preset.half': 'Notes: 8×8, k = 3, p = 1, s = 2 → 4×4',
    'preset.rect': 'Notes: 8×8, k = (3, 5), p = (0, 1), s = (3, 4) → 2×2',
    'preset.figure': 'Notes’ figure: 3×3, p = 1, k = 2, s = (3, 2) → 0, 8, 6, 8',
    'preset.floor': 'The floor: 7×7, k = 3, s = 3 leaves a row and a column unread',
    paddingPerAxis: 'Padding (each side)',
    perSide: 'Per-side padding p (notes 000, 003)',
    totalPadding: 'Total padding p_h = 2p (d2l, notes 001)',
    notationNote:
      'Both give the same size. In the first, p is the padding on each side; in the d2l form, p_h and p_w are the total padding of both sides together (p_h = 2p), so the formula reads ⌊(n − k + p_h + s)/s⌋.',
    unreadNote: 'Struck-through cells are never read by any window: the floor in the formula drops the windows that would not fit.',
    allRead: 'Every input cell is read by some window: the division is exact or the last window still fits.',
    visited: 'Window positions visited: {rows} down × {cols} across.',
  },
  {
    title: PANEL_HEADERS.zh.stride.title,
    intro: PANEL_HEADERS.zh.stride.intro,
    'preset.half': '笔记：8×8，k = 3，p = 1，s = 2 → 4×4',
    'preset.rect': '笔记：8×8，k = (3, 5)，p = (0, 1)，s = (3, 4) → 2×2',
    'preset.figure': '笔记中的图：3×3，p = 1，k = 2，s = (3, 2) → 0, 8, 6, 8',
    'preset.floor': '向下取整：7×7，k = 3，s = 3 留下一行一列从未被读取',
    paddingPerAxis: '填充（每侧）',
    perSide: '每侧填充 p（笔记 000、003）',
    totalPadding: '总填充 p_h = 2p（d2l，笔记 001）',
    notationNote:
      '两种写法得到相同的尺寸。第一种里 p 是每一侧的填充；d2l 的写法中 p_h、p_w 是两侧填充之和（p_h = 2p），公式写作 ⌊(n − k + p_h + s)/s⌋。',
    unreadNote: '划掉的元素从未被任何窗口读取：公式中的向下取整舍去了放不下的窗口。',
    allRead: '每个输入元素都被某个窗口读取：除法恰好整除，或最后一个窗口仍然放得下。',
    visited: '窗口经过的位置：纵向 {rows} 个 × 横向 {cols} 个。',
  },
);
