// English/中文 strings of the "Embed in a course page" tool.

import { definePanelMessages } from '../i18n/panelMessages.ts';

export const EMBED_MESSAGES = definePanelMessages(
  {
    summary: 'Embed in a course page',
    intro:
      'Paste this into a course page, a learning platform or any HTML page: it shows this visualization with its player and formula, sized to the page.',
    codeLabel: 'Embed code',
    copy: 'Copy embed code',
    copied: 'Embed code copied',
    copyFailed: 'Could not copy: select the code and copy it yourself',
    preview: 'Preview the embedded view',
    note: 'The embedded view opens with the settings of this view (configuration, step, language if chosen); change the view here and copy again to update it. Students can open the full app from the frame.',
    frameTitle: 'ConvScope: {panel}',
  },
  {
    summary: '嵌入课程页面',
    intro: '把这段代码粘贴到课程页面、学习平台或任意 HTML 页面中：它会显示本可视化及其播放器和公式，并随页面宽度自适应。',
    codeLabel: '嵌入代码',
    copy: '复制嵌入代码',
    copied: '嵌入代码已复制',
    copyFailed: '无法复制：请选中代码后自行复制',
    preview: '预览嵌入效果',
    note: '嵌入的视图使用当前视图的设置（配置、步骤，以及已选择的语言）；在这里修改视图后重新复制即可更新。学生可以从框内打开完整应用。',
    frameTitle: 'ConvScope：{panel}',
  },
);
