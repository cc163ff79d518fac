// @vitest-environment jsdom
// The "PyTorch code" section in the real app: it opens, shows the code and output shape of the panel's config, follows edits
// and the language, and copies (with a clear message when the browser refuses the clipboard).
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../../src/state/store.ts';
import { renderApp } from '../helpers/renderApp.tsx';

async function openCode(url: string, title = 'PyTorch code'): Promise<HTMLElement> {
  renderApp({ url });
  const section = await screen.findByTestId('code-view');
  fireEvent.click(within(section).getByText(title));
  await within(section).findByTestId('code-text');
  return section;
}

const codeText = () => screen.getByTestId('code-text').textContent ?? '';

function stubClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
});

describe('CodeView', () => {
  it('is closed at first and shows the Basics code and its output shape when opened', async () => {
    renderApp({ url: '?v=1' });
    const section = await screen.findByTestId('code-view');
    expect(section).not.toHaveAttribute('open');
    expect(within(section).queryByTestId('code-text')).toBeNull();
    fireEvent.click(within(section).getByText('PyTorch code'));
    expect(await within(section).findByTestId('code-text')).toHaveTextContent('y = F.conv2d(x, w)');
    expect(section).toHaveAttribute('open');
    expect(codeText()).toContain('x = torch.tensor([[[[0, 1, 2],');
    expect(screen.getByTestId('code-output-shape')).toHaveTextContent('Output shape: (1, 1, 2, 2)');
    fireEvent.click(within(section).getByText('PyTorch code'));
    expect(section).not.toHaveAttribute('open');
  });

  it('follows the configuration: true convolution, bias and a new input change the code and the shape', async () => {
    await openCode('?v=1');
    expect(codeText()).not.toContain('torch.flip');
    fireEvent.click(screen.getByLabelText('True convolution (kernel flipped)'));
    expect(codeText()).toContain('w = torch.flip(w, dims=(-2, -1))');
    act(() =>
      useAppStore.getState().updateConfig('basics', {
        input: [
          [1, 2, 3, 4],
          [5, 6, 7, 8],
        ],
        bias: 0.5,
      }),
    );
    expect(codeText()).toContain('b = torch.tensor([0.5], dtype=torch.float32)');
    expect(screen.getByTestId('code-output-shape')).toHaveTextContent('Output shape: (1, 1, 1, 3)');
  });

  it('shows each panel’s own code: ceil_mode for pooling, x.grad for its backward pass', async () => {
    await openCode('?v=1&p=pooling&ceil=1&dir=backward');
    expect(codeText()).toContain('nn.MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=True)');
    expect(codeText()).toContain('y.backward(grad)');
    expect(screen.getByTestId('code-output-shape')).toHaveTextContent('Shape of x.grad: (1, 1, 4, 4)');
    expect(screen.getByTestId('code-other-shapes')).toHaveTextContent('Also printed: a (1, 1, 3, 3), spp (1, 21)');
  });

  it('speaks Chinese with ?lang=zh, in the section and in the code’s comments', async () => {
    await openCode('?v=1&lang=zh', 'PyTorch 代码');
    expect(screen.getByTestId('code-output-shape')).toHaveTextContent('输出形状：(1, 1, 2, 2)');
    expect(codeText()).toContain('# 输入 X：(N, C, H, W) = (1, 1, 3, 3)');
    expect(screen.getByRole('button', { name: '复制代码' })).toBeInTheDocument();
  });

  it('copies the code to the clipboard and says so; an edit clears the message', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    stubClipboard(writeText);
    await openCode('?v=1&p=transposed');
    fireEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    expect(await screen.findByText('Copied to the clipboard.')).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledWith(codeText());
    expect(codeText()).toContain('nn.ConvTranspose2d(1, 1, kernel_size=3, stride=2, padding=0, output_padding=0, dilation=1, bias=False)');
    act(() => useAppStore.getState().updateConfig('transposed', { stride: [1, 1] }));
    expect(screen.getByTestId('code-status')).toHaveTextContent('');
  });

  it('when the browser refuses the clipboard, selects the code and says how to copy it by hand', async () => {
    stubClipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    await openCode('?v=1&p=receptive');
    fireEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    expect(await screen.findByText(/did not allow copying/)).toBeInTheDocument();
    expect(window.getSelection()?.toString()).toBe(codeText());
  });

  it('says why when the configuration cannot be written as code, instead of crashing', async () => {
    await openCode('?v=1&p=receptive');
    // A state no link or control can produce (the URL codec and the editors refuse it): a 5×5 kernel on a 2×2 input.
    const layers = [{ kind: 'conv' as const, kernel: 5, stride: 1, padding: 0, dilation: 1 }];
    act(() => useAppStore.setState((s) => ({ configs: { ...s.configs, receptive: { layers, inputSize: 2, unit: null } } })));
    expect(await screen.findByTestId('code-error')).toHaveTextContent(
      'cannot be written as code: layer 1: kernel 5 is larger than the padded input 2',
    );
  });
});
