// Every panel's title and introduction in both languages: the shell shows them while the panel's code loads (they are the
// first screen's largest text), and the panels' own message tables take them from here.

import type { Language } from './messages.ts';
import type { PanelId } from '../app/panels.ts';

export interface PanelHeader {
  title: string;
  intro: string;
}

export const PANEL_HEADERS: { readonly [L in Language]: { readonly [P in PanelId]: PanelHeader } } = {
  en: {
    basics: {
      title: 'Cross-correlation and convolution',
      intro:
        'A small window (the kernel) slides over the input. At each position, multiply the overlapping cells and add the products: that sum is one output cell.',
    },
    padding: {
      title: 'Padding',
      intro:
        'Padding adds cells around the input before the kernel slides, so the border is seen as often as the middle and the output can keep its size.',
    },
    stride: {
      title: 'Stride',
      intro:
        'The stride is how far the window jumps between outputs, separately down (height) and across (width). A larger stride gives a smaller output.',
    },
    dilation: {
      title: 'Dilation (atrous convolution)',
      intro:
        'Dilation spreads the kernel’s taps d cells apart. The same weights then cover a larger area, with holes in between: a larger receptive field at no extra parameters.',
    },
    transposed: {
      title: 'Transposed convolution',
      intro:
        'A transposed convolution turns a small map into a larger one. Three views compute the very same numbers: scattering stamps, an ordinary convolution over a zero-inserted input, and the transposed matrix Cᵀ.',
    },
    receptive: {
      title: 'Receptive field',
      intro:
        'The receptive field of a unit is the patch of the input it depends on. Each layer widens it by (k′ − 1) times the distance between the units it reads. Build a stack, pick an output unit, and step through the layers.',
    },
    pooling: {
      title: 'Pooling',
      intro:
        'Pooling is a convolution without learnable weights: a window slides over each channel and keeps its maximum or its average. It shrinks the feature map, adds no parameters and makes the output less sensitive to small shifts. Backward, it only routes gradients.',
    },
    channels: {
      title: 'Channels and cost',
      intro:
        'Real inputs have several channels (an RGB image has three). Each output channel reads all of its input channels through a kernel of its own; groups, 1×1 kernels and depthwise separable layers change how many weights that takes.',
    },
    kernels: {
      title: 'Image kernels',
      intro:
        'The classic kernels on real pictures: pick a sample or open your own picture (it stays in your browser), try every kernel, and point at any output pixel to see exactly how it was computed. Below, a kernel is learned from data.',
    },
  },
  zh: {
    basics: {
      title: '互相关运算与卷积运算',
      intro: '一个小窗口（卷积核）在输入上滑动。每到一个位置，把重叠的元素相乘再求和：这个和就是输出中的一个元素。',
    },
    padding: {
      title: '填充',
      intro: '填充在卷积核滑动之前，在输入四周补上一圈元素，让边缘和中间被看到的次数一样多，也能让输出保持原来的尺寸。',
    },
    stride: {
      title: '步幅',
      intro: '步幅是窗口在相邻两个输出之间跳过的距离，高（向下）和宽（向右）可以分别设置。步幅越大，输出越小。',
    },
    dilation: {
      title: '空洞卷积（膨胀卷积）',
      intro: '膨胀让卷积核的各个抽头相隔 d 个元素。同样的权重覆盖更大的区域，中间留有空洞：不增加参数就得到更大的感受野。',
    },
    transposed: {
      title: '转置卷积',
      intro: '转置卷积把小的特征图变成大的特征图。三种视图算出完全相同的数：逐个“盖印”的散射、对插零后的输入做普通卷积、以及转置矩阵 Cᵀ。',
    },
    receptive: {
      title: '感受野',
      intro:
        '一个单元的感受野是它所依赖的那一块输入区域。每经过一层，感受野就扩大 (k′ − 1) 乘以该层所读取单元之间的距离。搭一个网络，选一个输出单元，逐层观察。',
    },
    pooling: {
      title: '池化',
      intro:
        '池化可以看作没有可学习参数的卷积：窗口在每个通道上滑动，取最大值或平均值。它缩小特征图、不引入参数，并让输出对小的平移不那么敏感。反向传播时，它只负责把梯度传回去。',
    },
    channels: {
      title: '通道与计算量',
      intro:
        '真实的输入有多个通道（RGB 图像有三个）。每个输出通道都通过自己的卷积核读取它的全部输入通道；分组、1×1 卷积核和深度可分离卷积会改变所需的权重数量。',
    },
    kernels: {
      title: '图像卷积核',
      intro:
        '把经典的卷积核用在真实图片上：选择示例图片或打开你自己的图片（图片不会离开你的浏览器），逐个试用卷积核，并指向任意输出像素，看它到底是怎样算出来的。下方演示如何从数据中学习卷积核。',
    },
  },
};
