// @vitest-environment jsdom
// MatrixEditor: type or paste rows, bad input gets a message and is never applied, seeded random is deterministic.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MatrixEditor, matrixToText } from '../../src/ui/MatrixEditor.tsx';
import { randomMatrix } from '../../src/ui/matrix.ts';
import { seededRandom } from '../../src/engine/index.ts';
import type { Matrix, MatrixLimits } from '../../src/url/fields.ts';
import { resetStore } from '../helpers/renderApp.tsx';

const LIMITS: MatrixLimits = { maxRows: 4, maxCols: 4, maxAbs: 99 };
const VALUE: Matrix = [
  [0, 1, 2],
  [3, 4, 5],
];

beforeEach(() => {
  resetStore();
});

function renderEditor(onChange = vi.fn(), value: Matrix = VALUE, limits: MatrixLimits = LIMITS) {
  render(<MatrixEditor label="X" value={value} limits={limits} onChange={onChange} />);
  return onChange;
}

async function openAndReplaceText(user: ReturnType<typeof userEvent.setup>, text: string) {
  await user.click(screen.getByRole('button', { name: 'Edit values: X' }));
  const area = screen.getByRole('textbox', { name: /One row per line/ });
  await user.clear(area);
  area.focus();
  await user.paste(text);
  return area;
}

describe('MatrixEditor', () => {
  it('opens with the current values, one row per line', async () => {
    const user = userEvent.setup();
    renderEditor();
    const toggle = screen.getByRole('button', { name: 'Edit values: X' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('textbox', { name: /One row per line/ })).toHaveValue('0 1 2\n3 4 5');
  });

  it('pasted rows are applied on Apply and the editor closes', async () => {
    const user = userEvent.setup();
    const onChange = renderEditor();
    await openAndReplaceText(user, '1, -2\n3, 4\n5, 6');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(onChange).toHaveBeenCalledWith([
      [1, -2],
      [3, 4],
      [5, 6],
    ]);
    expect(screen.queryByRole('textbox', { name: /One row per line/ })).toBeNull();
  });

  it('values copied from a grid (with its minus sign U+2212) paste back as numbers', async () => {
    const user = userEvent.setup();
    const onChange = renderEditor();
    await openAndReplaceText(user, '\u22121 2\n3 \u22124');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(onChange).toHaveBeenCalledWith([
      [-1, 2],
      [3, -4],
    ]);
  });

  it('ragged rows show a message naming the row and do not call onChange', async () => {
    const user = userEvent.setup();
    const onChange = renderEditor();
    await openAndReplaceText(user, '1 2 3\n4 5');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Every row needs the same number of values (row 2 has 2, expected 3).');
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: /One row per line/ })).toHaveValue('1 2 3\n4 5');
  });

  it('garbage shows a message naming the token and does not call onChange', async () => {
    const user = userEvent.setup();
    const onChange = renderEditor();
    await openAndReplaceText(user, '1 2\n3 <img src=x onerror=alert(1)>');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('alert')).toHaveTextContent('“<img” in row 2 is not a number.');
    expect(document.querySelector('img')).toBeNull();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('empty input shows a message and does not call onChange', async () => {
    const user = userEvent.setup();
    const onChange = renderEditor();
    await user.click(screen.getByRole('button', { name: 'Edit values: X' }));
    await user.clear(screen.getByRole('textbox', { name: /One row per line/ }));
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Type at least one number.');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('too many rows or columns shows the limits and the size typed', async () => {
    const user = userEvent.setup();
    const onChange = renderEditor(vi.fn(), VALUE, { maxRows: 2, maxCols: 2, maxAbs: 9 });
    await openAndReplaceText(user, '1 2 3\n4 5 6\n7 8 9');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('alert')).toHaveTextContent('At most 2×2 values; got 3×3.');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('a value out of range shows the range and does not call onChange', async () => {
    const user = userEvent.setup();
    const onChange = renderEditor();
    await openAndReplaceText(user, '1 100');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Values must be between −99 and 99.');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('Cancel closes the editor without applying', async () => {
    const user = userEvent.setup();
    const onChange = renderEditor();
    await openAndReplaceText(user, '7 7');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.queryByRole('textbox', { name: /One row per line/ })).toBeNull();
  });

  it('Random with a seed gives the same matrix every time, in the current shape', async () => {
    const user = userEvent.setup();
    const onChange = renderEditor();
    const seed = screen.getByRole('spinbutton', { name: 'Seed' });
    await user.clear(seed);
    await user.type(seed, '42');
    const random = screen.getByRole('button', { name: 'Random: X' });
    await user.click(random);
    await user.click(random);
    expect(onChange).toHaveBeenCalledTimes(2);
    const [first] = onChange.mock.calls[0] as [Matrix];
    const [second] = onChange.mock.calls[1] as [Matrix];
    expect(second).toEqual(first);
    expect(first).toEqual(randomMatrix(2, 3, 42));
    expect(first).toHaveLength(2);
    for (const row of first) {
      expect(row).toHaveLength(3);
      for (const v of row) {
        expect(Number.isInteger(v)).toBe(true);
        expect(Math.abs(v)).toBeLessThanOrEqual(4);
      }
    }
  });

  it('a different seed gives a different matrix', async () => {
    const user = userEvent.setup();
    const onChange = renderEditor();
    const seed = screen.getByRole('spinbutton', { name: 'Seed' });
    await user.clear(seed);
    await user.type(seed, '7');
    await user.click(screen.getByRole('button', { name: 'Random: X' }));
    await user.clear(seed);
    await user.type(seed, '8');
    await user.click(screen.getByRole('button', { name: 'Random: X' }));
    expect(onChange.mock.calls[0]?.[0]).not.toEqual(onChange.mock.calls[1]?.[0]);
  });
});

describe('seeded random helpers', () => {
  it('seededRandom is deterministic and stays in [0, 1)', () => {
    const a = seededRandom(123);
    const b = seededRandom(123);
    for (let i = 0; i < 1000; i++) {
      const v = a();
      expect(v).toBe(b());
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
  });

  it('randomMatrix uses the whole range −range … range', () => {
    const values = new Set(randomMatrix(20, 20, 5, 2).flat());
    expect([...values].sort((x, y) => x - y)).toEqual([-2, -1, 0, 1, 2]);
  });

  it('matrixToText writes rows per line and values by spaces', () => {
    expect(
      matrixToText([
        [1, -0.5],
        [2, 3],
      ]),
    ).toBe('1 -0.5\n2 3');
  });
});
