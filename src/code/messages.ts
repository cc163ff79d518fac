// English/中文 strings of the PyTorch code section under every panel.

import { definePanelMessages } from '../i18n/panelMessages.ts';

export const CODE_MESSAGES = definePanelMessages(
  {
    title: 'PyTorch code',
    intro:
      'The same computation in PyTorch, written from this panel’s settings: paste it into Python with PyTorch installed and it prints the shapes and numbers shown here.',
    loading: 'Writing the code…',
    codeLabel: 'PyTorch code for the current settings',
    outputShape: 'Output shape: {shape}',
    resultShape: 'Shape of {name}: {shape}',
    otherShapes: 'Also printed: {list}',
    copy: 'Copy code',
    copied: 'Copied to the clipboard.',
    refused: 'The browser did not allow copying. The code is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
    error: 'This configuration cannot be written as code: {reason}',
  },
  {
    title: 'PyTorch 代码',
    intro: '根据本面板的设置写出的等价 PyTorch 代码：粘贴到装有 PyTorch 的 Python 中运行，打印出的形状和数值与这里显示的一致。',
    loading: '正在生成代码…',
    codeLabel: '当前设置对应的 PyTorch 代码',
    outputShape: '输出形状：{shape}',
    resultShape: '{name} 的形状：{shape}',
    otherShapes: '另外打印的：{list}',
    copy: '复制代码',
    copied: '已复制到剪贴板。',
    refused: '浏览器不允许复制。代码已选中：按 Ctrl+C（Mac 上按 ⌘C）即可复制。',
    error: '这个配置无法写成代码：{reason}',
  },
);
