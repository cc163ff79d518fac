// @vitest-environment jsdom
// PanelErrorBoundary: a crashing child shows the error card; Reset calls onReset and renders the children again.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PanelErrorBoundary } from '../../src/ui/ErrorBoundary.tsx';

let shouldThrow = true;

function Fragile() {
  if (shouldThrow) throw new Error('kernel 7×7 is larger than the input 3×3');
  return <p>panel content</p>;
}

beforeEach(() => {
  shouldThrow = true;
  // React reports caught render errors on the console; the card is what the user sees.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
});

function renderBoundary(onReset = vi.fn()) {
  render(
    <div>
      <p>header stays</p>
      <PanelErrorBoundary title="This panel ran into a problem" body="The rest still works." resetLabel="Reset this panel" onReset={onReset}>
        <Fragile />
      </PanelErrorBoundary>
    </div>,
  );
  return onReset;
}

describe('PanelErrorBoundary', () => {
  it('renders its children when nothing throws', () => {
    shouldThrow = false;
    renderBoundary();
    expect(screen.getByText('panel content')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a throwing child shows the error card with the message, and the rest of the page stays', () => {
    renderBoundary();
    const card = screen.getByRole('alert');
    expect(card).toHaveTextContent('This panel ran into a problem');
    expect(card).toHaveTextContent('The rest still works.');
    expect(card).toHaveTextContent('kernel 7×7 is larger than the input 3×3');
    expect(screen.getByText('header stays')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reset this panel' })).toBeInTheDocument();
  });

  it('Reset calls onReset and re-renders the children', async () => {
    const user = userEvent.setup();
    const onReset = vi.fn(() => {
      shouldThrow = false;
    });
    renderBoundary(onReset);
    await user.click(screen.getByRole('button', { name: 'Reset this panel' }));
    expect(onReset).toHaveBeenCalledTimes(1);
    expect(screen.getByText('panel content')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('an error message with markup is shown as text', () => {
    function Evil(): never {
      throw new Error('<img src=x onerror=alert(1)>');
    }
    render(
      <PanelErrorBoundary title="t" body="b" resetLabel="r" onReset={() => undefined}>
        <Evil />
      </PanelErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });
});
