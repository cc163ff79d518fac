// English/中文 strings of the Padding panel.

import { definePanelMessages } from '../../i18n/panelMessages.ts';
import { PANEL_HEADERS } from '../../i18n/panelHeaders.ts';

export const PADDING_MESSAGES = definePanelMessages(
  {
    title: PANEL_HEADERS.en.padding.title,
    intro: PANEL_HEADERS.en.padding.intro,
    'preset.notes3x3': 'Notes: 3×3 padded to 5×5, 2×2 kernel → 4×4',
    'preset.keep8': 'Notes: 8×8, k = 3, p = 1 → 8×8',
    'preset.keep8rect': 'Notes: 8×8, k = (5, 3), p = (2, 1) → 8×8',
    'preset.evenSame': "Even kernel 2×2 with 'same': extra row and column at the bottom/right",
    'preset.reflect': 'Reflect padding on a 5×5 input',
    general: 'PyTorch (per side)',
    notesForm: 'Notes (2p, equal sides)',
    notesFormDilated: "Notes (2p, equal sides; k is the dilated k')",
    notesNotApplicable: 'The notes’ form ⌊(n + 2p − k)/s⌋ + 1 needs the same padding on both sides; here they differ.',
    evenKernel:
      "An even kernel ({k}) has no centre cell, so 'same' needs unequal padding: PyTorch puts the extra row or column at the bottom/right. Odd kernels have a centre and pad symmetrically, one reason they are the usual choice (notes 004).",
    modeNote: 'Padding cells show the value they hold; under {mode} padding, hover one to see the real cell it copies.',
    zerosNote: 'Zero padding: every padding cell is 0, so windows over the border add fewer non-zero products.',
  },
  {
    title: PANEL_HEADERS.zh.padding.title,
    intro: PANEL_HEADERS.zh.padding.intro,
    'preset.notes3x3': '笔记：3×3 填充为 5×5，2×2 卷积核 → 4×4',
    'preset.keep8': '笔记：8×8，k = 3，p = 1 → 8×8',
    'preset.keep8rect': '笔记：8×8，k = (5, 3)，p = (2, 1) → 8×8',
    'preset.evenSame': '偶数卷积核 2×2 的 same 填充：多出的一行一列放在下方/右侧',
    'preset.reflect': '5×5 输入的反射填充',
    general: 'PyTorch（按边）',
    notesForm: '笔记（2p，两侧相同）',
    notesFormDilated: '笔记（2p，两侧相同；k 为膨胀后的 k′）',
    notesNotApplicable: '笔记中的公式 ⌊(n + 2p − k)/s⌋ + 1 要求两侧填充相同；这里两侧不同。',
    evenKernel:
      '偶数卷积核（{k}）没有中心元素，所以 same 填充两侧不相等：PyTorch 把多出的一行或一列放在下方/右侧。奇数卷积核有中心，可以对称填充，这也是通常选用奇数卷积核的原因之一（笔记 004）。',
    modeNote: '填充元素显示它的取值；在 {mode} 填充下，将鼠标悬停在填充元素上可以看到它复制的是哪个真实元素。',
    zerosNote: '零填充：所有填充元素都是 0，因此覆盖边缘的窗口中非零乘积更少。',
  },
);
