// @vitest-environment jsdom
// NumberControl and PairControl: slider and typed field, clamped with a message, non-numbers kept out with a message.
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { HistoryIntent } from '../../src/state/store.ts';
import { NumberControl, PairControl, clampTyped } from '../../src/ui/NumberControl.tsx';
import { resetStore } from '../helpers/renderApp.tsx';

beforeEach(() => {
  resetStore();
});

/** A NumberControl whose value follows its onChange, as in the app, with every change recorded. */
function Controlled({ initial = 3, onChange }: { initial?: number; onChange: (value: number, intent: HistoryIntent) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <NumberControl
      label="Stride"
      value={value}
      min={1}
      max={5}
      onChange={(next, intent) => {
        onChange(next, intent);
        setValue(next);
      }}
    />
  );
}

describe('clampTyped', () => {
  it('clamps whole numbers into range and says whether it had to', () => {
    expect(clampTyped('3', 1, 5)).toEqual({ value: 3, clamped: false });
    expect(clampTyped(' 9 ', 1, 5)).toEqual({ value: 5, clamped: true });
    expect(clampTyped('\u22122', -5, 5)).toEqual({ value: -2, clamped: false });
    expect(clampTyped('-20', -5, 5)).toEqual({ value: -5, clamped: true });
  });

  it.each(['', 'abc', '1.5', '1e3', '0x10', '9999999999', 'NaN', '--1'])('"%s" is not a whole number', (text) => {
    expect(clampTyped(text, 1, 5)).toEqual({ value: null, clamped: false });
  });
});

describe('NumberControl', () => {
  it('has a named slider and a named text field', () => {
    render(<NumberControl label="Stride" value={2} min={1} max={5} onChange={() => undefined} />);
    expect(screen.getByRole('slider', { name: 'Stride' })).toHaveValue('2');
    expect(screen.getByRole('textbox', { name: 'Stride' })).toHaveValue('2');
  });

  it('a typed value in range is applied on Enter as a deliberate (push) change', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Controlled onChange={onChange} />);
    const field = screen.getByRole('textbox', { name: 'Stride' });
    await user.clear(field);
    await user.type(field, '4{Enter}');
    expect(onChange).toHaveBeenCalledWith(4, 'push');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('a typed out-of-range value is clamped, with a message saying so', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Controlled onChange={onChange} />);
    const field = screen.getByRole('textbox', { name: 'Stride' });
    await user.clear(field);
    await user.type(field, '42{Enter}');
    expect(onChange).toHaveBeenLastCalledWith(5, 'push');
    expect(field).toHaveValue('5');
    expect(screen.getByRole('status')).toHaveTextContent('Stride must be between 1 and 5; using 5.');
    expect(field).toHaveAccessibleDescription('Stride must be between 1 and 5; using 5.');
  });

  it('a typed value below the range is clamped to the minimum on blur', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Controlled onChange={onChange} />);
    const field = screen.getByRole('textbox', { name: 'Stride' });
    await user.clear(field);
    await user.type(field, '-7');
    await user.tab();
    expect(onChange).toHaveBeenLastCalledWith(1, 'push');
    expect(screen.getByRole('status')).toHaveTextContent('Stride must be between 1 and 5; using 1.');
  });

  it('a non-number keeps the old value, with a message', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Controlled onChange={onChange} />);
    const field = screen.getByRole('textbox', { name: 'Stride' });
    await user.clear(field);
    await user.type(field, 'abc{Enter}');
    expect(onChange).not.toHaveBeenCalled();
    expect(field).toHaveValue('3');
    expect(screen.getByRole('status')).toHaveTextContent('Stride needs a whole number; kept 3.');
  });

  it('the slider reports a replace (drag) change and clears the message', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Controlled onChange={onChange} />);
    const field = screen.getByRole('textbox', { name: 'Stride' });
    await user.clear(field);
    await user.type(field, 'x{Enter}');
    expect(screen.getByRole('status')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('slider', { name: 'Stride' }), { target: { value: '2' } });
    expect(onChange).toHaveBeenLastCalledWith(2, 'replace');
    expect(screen.queryByRole('status')).toBeNull();
    expect(field).toHaveValue('2');
  });

  it('the typed field follows a value changed from outside (a preset, a link)', () => {
    const { rerender } = render(<NumberControl label="Stride" value={2} min={1} max={5} onChange={() => undefined} />);
    rerender(<NumberControl label="Stride" value={4} min={1} max={5} onChange={() => undefined} />);
    expect(screen.getByRole('textbox', { name: 'Stride' })).toHaveValue('4');
  });

  it('re-typing the current value changes nothing', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Controlled onChange={onChange} />);
    const field = screen.getByRole('textbox', { name: 'Stride' });
    await user.clear(field);
    await user.type(field, '3{Enter}');
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('PairControl', () => {
  it('has a height and a width control, each clamped to its own maximum', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<PairControl label="Kernel size" value={[2, 3]} min={1} max={[4, 6]} onChange={onChange} />);
    expect(screen.getByRole('group', { name: 'Kernel size' })).toBeInTheDocument();
    const height = screen.getByRole('textbox', { name: 'Kernel size: height' });
    const width = screen.getByRole('textbox', { name: 'Kernel size: width' });
    await user.clear(width);
    await user.type(width, '9{Enter}');
    expect(onChange).toHaveBeenLastCalledWith([2, 6], 'push');
    await user.clear(height);
    await user.type(height, '9{Enter}');
    expect(onChange).toHaveBeenLastCalledWith([4, 3], 'push');
  });
});
