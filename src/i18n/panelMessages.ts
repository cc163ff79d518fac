// Panel-local message tables: each panel keeps its own English/中文 strings beside its code, typed like the shell's.

import { useCallback } from 'react';
import { format, type Language } from './messages.ts';
import { useLanguage } from './useT.ts';

export type PanelMessages<K extends string> = { readonly en: Readonly<Record<K, string>>; readonly zh: Readonly<Record<K, string>> };

/** Declares a panel's table; the type makes the Chinese table list exactly the English keys. */
export function definePanelMessages<K extends string>(en: Record<K, string>, zh: Record<K, string>): PanelMessages<K> {
  return { en, zh };
}

export function translatePanel<K extends string>(messages: PanelMessages<K>, language: Language, key: K, params?: Record<string, string | number>): string {
  return format(messages[language][key], params);
}

export function usePanelT<K extends string>(messages: PanelMessages<K>): (key: K, params?: Record<string, string | number>) => string {
  const language = useLanguage();
  return useCallback((key: K, params?: Record<string, string | number>) => translatePanel(messages, language, key, params), [messages, language]);
}
