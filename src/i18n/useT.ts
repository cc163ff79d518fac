// useT: the translate function for the language in force, for components.

import { useCallback } from 'react';
import { useAppStore, selectLanguage } from '../state/store.ts';
import { translate, type Language, type MessageKey } from './messages.ts';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function useLanguage(): Language {
  return useAppStore(selectLanguage);
}

export function useT(): Translate {
  const language = useLanguage();
  return useCallback((key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params), [language]);
}
