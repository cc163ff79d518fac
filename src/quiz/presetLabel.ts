// Preset names in quiz mode: the result a name ends with is the question, so it is replaced by "?".

/**
 * The preset name with the result after its arrow replaced by "?", keeping the settings in brackets after it:
 * "Notes: 8×8, k = 3, p = 1, s = 2 → 4×4" → "… → ?"; "Notes: 2×2 → 5×5 (k 3, s 2, p 0)" → "Notes: 2×2 → ? (k 3, s 2, p 0)".
 * Names without an arrow are unchanged.
 */
export function withoutResult(label: string): string {
  return label.replace(/→\s*[^(（]*?(?=\s*[(（]|$)/, '→ ?');
}

/** A preset's name as the preset menu shows it: without its result while quiz mode is on. */
export function presetLabel(name: string, quiz: boolean): string {
  return quiz ? withoutResult(name) : name;
}
