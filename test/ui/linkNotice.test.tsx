// @vitest-environment jsdom
// LinkNotice: names the ignored keys as text (never HTML), in the current language, and can be dismissed.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useAppStore } from '../../src/state/store.ts';
import { LinkNotice } from '../../src/ui/LinkNotice.tsx';
import { resetStore } from '../helpers/renderApp.tsx';

beforeEach(() => {
  resetStore();
});

describe('LinkNotice', () => {
  it('renders nothing when no field was ignored', () => {
    const { container } = render(<LinkNotice />);
    expect(container).toBeEmptyDOMElement();
  });

  it('names the ignored keys in a polite status', () => {
    useAppStore.setState({
      notice: [
        { key: 's', reason: 'invalid' },
        { key: 'k', reason: 'conflict' },
      ],
    });
    render(<LinkNotice />);
    const notice = screen.getByRole('status');
    expect(notice).toHaveTextContent('Some settings in this link were not valid and were replaced by defaults:');
    expect(notice).toHaveTextContent('s, k');
  });

  it('keys are shown as text, even <img onerror> ones: no element is injected', () => {
    const key = '<img src=x onerror="window.__pwned=1">';
    useAppStore.setState({
      notice: [
        { key, reason: 'invalid' },
        { key: '<script>alert(1)</script>', reason: 'invalid' },
      ],
    });
    render(<LinkNotice />);
    const notice = screen.getByTestId('link-notice');
    expect(notice).toHaveTextContent(key);
    expect(notice).toHaveTextContent('<script>alert(1)</script>');
    expect(notice.querySelector('img, script')).toBeNull();
    expect(document.querySelector('img, script')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('Dismiss hides the notice', async () => {
    const user = userEvent.setup();
    useAppStore.setState({ notice: [{ key: 'b', reason: 'invalid' }] });
    render(<LinkNotice />);
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('link-notice')).toBeNull();
    expect(useAppStore.getState().notice).toEqual([]);
  });

  it('speaks Chinese when the language is Chinese', () => {
    useAppStore.setState({ notice: [{ key: 'b', reason: 'invalid' }], languageChoice: 'zh' });
    render(<LinkNotice />);
    expect(screen.getByRole('status')).toHaveTextContent('链接中的部分设置无效，已改用默认值：');
    expect(screen.getByRole('button', { name: '关闭' })).toBeInTheDocument();
    act(() => useAppStore.getState().setLanguage('en'));
    expect(screen.getByRole('button', { name: 'Dismiss' })).toBeInTheDocument();
  });
});
