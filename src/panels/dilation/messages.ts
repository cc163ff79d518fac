// English/中文 strings of the Dilation panel.

import { definePanelMessages } from '../../i18n/panelMessages.ts';
import { PANEL_HEADERS } from '../../i18n/panelHeaders.ts';

export const DILATION_MESSAGES = definePanelMessages(
  {
    title: PANEL_HEADERS.en.dilation.title,
    intro: PANEL_HEADERS.en.dilation.intro,
    'preset.spread': 'Notes: a 3×3 kernel at d = 2 covers 5×5',
    'preset.perAxis': 'Different dilation per axis: d = (1, 3)',
    'preset.hybrid': 'Hybrid dilation 1, 2, 3 (no holes)',
    effective: "Effective kernel k'",
    spread: 'The kernel spread over the input',
    spreadNote: 'The {count} weights stay the same; only where they read changes. Blank cells are the holes the kernel skips.',
    gridding: 'The gridding (checkerboard) problem',
    griddingIntro:
      'Stack 3×3 layers with these dilation rates and count, for one output unit, how many paths reach each input pixel. Struck-through pixels inside the receptive field never reach it at all.',
    stack: 'Dilation rates of the stack',
    layer: 'Layer {n}',
    addLayer: 'Add a layer',
    removeLayer: 'Remove the last layer',
    holes: '{holes} of the {total} pixels in the {size}×{size} receptive field never reach the output unit: the gridding problem.',
    noHoles: 'Every pixel of the {size}×{size} receptive field reaches the output unit: no gridding.',
    stackPresets: 'Stack presets',
    receptive: 'Receptive field layer by layer: {sizes}.',
    openReceptive: 'Open this stack in the Receptive field panel',
    smallObjects: 'Large dilation helps large objects; for small objects the holes can miss them entirely (notes 004).',
    pathsLabel: 'Paths from each input pixel to the centre output unit',
  },
  {
    title: PANEL_HEADERS.zh.dilation.title,
    intro: PANEL_HEADERS.zh.dilation.intro,
    'preset.spread': '笔记：3×3 卷积核在 d = 2 时覆盖 5×5',
    'preset.perAxis': '两个方向的膨胀率不同：d = (1, 3)',
    'preset.hybrid': '混合膨胀率 1, 2, 3（没有空洞）',
    effective: "等效卷积核 k'",
    spread: '卷积核在输入上展开',
    spreadNote: '{count} 个权重不变，只是读取的位置变了。空白处就是卷积核跳过的空洞。',
    gridding: '栅格效应（棋盘问题）',
    griddingIntro: '用这些膨胀率堆叠 3×3 卷积层，对一个输出单元，统计每个输入像素有多少条路径能到达它。感受野内被划掉的像素根本无法到达。',
    stack: '各层的膨胀率',
    layer: '第 {n} 层',
    addLayer: '增加一层',
    removeLayer: '删除最后一层',
    holes: '{size}×{size} 感受野中有 {holes} 个像素（共 {total} 个）无法到达这个输出单元：这就是栅格效应。',
    noHoles: '{size}×{size} 感受野中的每个像素都能到达这个输出单元：没有栅格效应。',
    stackPresets: '堆叠预设',
    receptive: '逐层感受野：{sizes}。',
    openReceptive: '在“感受野”面板中打开这个堆叠',
    smallObjects: '大的膨胀率对大物体有利；对小物体，空洞可能把它完全漏掉（笔记 004）。',
    pathsLabel: '每个输入像素到中心输出单元的路径数',
  },
);
