// PresetSelect: a labelled list of a panel's presets; shows "—" when the current settings match none.

export interface PresetOption<C> {
  id: string;
  label: string;
  config: C;
}

export interface PresetSelectProps<C> {
  label: string;
  presets: readonly PresetOption<C>[];
  current: C;
  onSelect(config: C): void;
}

export function PresetSelect<C>({ label, presets, current, onSelect }: PresetSelectProps<C>) {
  const currentJson = JSON.stringify(current);
  const selected = presets.find((preset) => JSON.stringify(preset.config) === currentJson)?.id ?? '';
  return (
    <label className="preset-select">
      <span>{label}</span>
      <select
        value={selected}
        onChange={(event) => {
          const preset = presets.find((p) => p.id === event.target.value);
          if (preset) onSelect(preset.config);
        }}
      >
        <option value="" disabled>
          —
        </option>
        {presets.map((preset) => (
          <option key={preset.id} value={preset.id}>
            {preset.label}
          </option>
        ))}
      </select>
    </label>
  );
}
