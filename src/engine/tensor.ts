// Tensor: a shape and a flat row-major Float32Array, with the checks every op shares.

export interface Tensor {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

function isNonNegativeInteger(value: number): boolean {
  return Number.isInteger(value) && value >= 0;
}

export function sizeOf(shape: readonly number[]): number {
  let size = 1;
  for (const dim of shape) size *= dim;
  return size;
}

export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** Builds a tensor from values and a shape; throws if the shape is invalid or the sizes disagree. */
export function tensor(data: ArrayLike<number>, shape: readonly number[]): Tensor {
  if (!Array.isArray(shape) && !ArrayBuffer.isView(shape)) {
    throw new Error('tensor: shape must be an array of sizes');
  }
  for (const dim of shape) {
    if (!isNonNegativeInteger(dim)) {
      throw new Error(`tensor: shape ${formatShape(shape)} has a size that is not a non-negative integer (${dim})`);
    }
  }
  const size = sizeOf(shape);
  if (data == null || typeof data.length !== 'number') {
    throw new Error('tensor: data must be an array of numbers');
  }
  if (data.length !== size) {
    throw new Error(`tensor: data has ${data.length} values but shape ${formatShape(shape)} needs ${size}`);
  }
  const values = Float32Array.from(data);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new Error(`tensor: data[${i}] is not a finite number (${String(data[i])})`);
    }
  }
  return { shape: Object.freeze([...shape]), data: values };
}

/** A tensor of zeros; internal ops build their outputs with it. */
export function zeros(shape: readonly number[]): Tensor {
  return { shape: Object.freeze([...shape]), data: new Float32Array(sizeOf(shape)) };
}

/** Wraps an already-filled array without copying (internal: the caller hands over ownership). */
export function fromData(data: Float32Array, shape: readonly number[]): Tensor {
  return { shape: Object.freeze([...shape]), data };
}

export function assertTensor(opName: string, argName: string, value: unknown): asserts value is Tensor {
  const candidate = value as Tensor | null | undefined;
  if (!candidate || !Array.isArray(candidate.shape) || !(candidate.data instanceof Float32Array)) {
    throw new Error(`${opName}: ${argName} must be a tensor made by tensor(data, shape)`);
  }
  if (candidate.data.length !== sizeOf(candidate.shape)) {
    throw new Error(`${opName}: ${argName} has ${candidate.data.length} values but shape ${formatShape(candidate.shape)}`);
  }
}

/** Checks that `value` is a tensor of the given rank, naming the expected layout in the error. */
export function assertRank(opName: string, argName: string, value: unknown, rank: number, layout: string): Tensor {
  assertTensor(opName, argName, value);
  if (value.shape.length !== rank) {
    throw new Error(`${opName}: ${argName} must be ${rank}-D ${layout}, got shape ${formatShape(value.shape)} (${value.shape.length}-D)`);
  }
  return value;
}

/** Reads a single value by [c, y, x] index from a [C, H, W] tensor (for traces and UI, not hot loops). */
export function at3(t: Tensor, c: number, y: number, x: number): number {
  const h = t.shape[1] ?? 0;
  const w = t.shape[2] ?? 0;
  return t.data[(c * h + y) * w + x] ?? 0;
}
