// The typed URL table of a panel's configuration: for every field, its key and codec, or why it stays out of the URL.

import type { Field } from './fields.ts';

export type UrlEntry<T> = { key: string; field: Field<T> } | { key: null; reason: string };

export interface PanelConfigSpec<C extends object> {
  readonly defaults: C;
  /** Every config field must be listed: the type makes adding a field without deciding its URL a compile error. */
  readonly url: { readonly [K in keyof C]-?: UrlEntry<C[K]> };
  /** Fields whose values are individually fine but invalid together (e.g. a kernel larger than the input), in the order to reset them. */
  problems(config: C): (keyof C)[];
}
