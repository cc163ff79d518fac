// @vitest-environment jsdom
// PresetSelect: shows the preset the settings match (or "—"), and choosing one hands its config over.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PresetSelect } from '../../src/ui/PresetSelect.tsx';

const PRESETS = [
  { id: 'a', label: 'Preset A', config: { k: [1, 2] } },
  { id: 'b', label: 'Preset B', config: { k: [3] } },
];

describe('PresetSelect', () => {
  it('shows the preset that matches the current settings', () => {
    render(<PresetSelect label="Presets" presets={PRESETS} current={{ k: [3] }} onSelect={() => undefined} />);
    expect(screen.getByRole('combobox', { name: 'Presets' })).toHaveValue('b');
  });

  it('shows "—" when the settings match no preset', () => {
    render(<PresetSelect label="Presets" presets={PRESETS} current={{ k: [9] }} onSelect={() => undefined} />);
    const select = screen.getByRole('combobox', { name: 'Presets' });
    expect(select).toHaveValue('');
    expect(screen.getByRole('option', { name: '—' })).toBeDisabled();
  });

  it('choosing a preset calls onSelect with its config', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(<PresetSelect label="Presets" presets={PRESETS} current={{ k: [9] }} onSelect={onSelect} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Presets' }), 'Preset A');
    expect(onSelect).toHaveBeenCalledWith({ k: [1, 2] });
  });
});
