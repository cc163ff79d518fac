// useCopyStatus: copies text to the clipboard and says how it went ('copied' or 'failed') for 2.5 s, then goes back to 'idle'.

import { useEffect, useState } from 'react';

export type CopyStatus = 'idle' | 'copied' | 'failed';

/** `copy(text, onFailed)` writes the text; `onFailed` runs when the clipboard refuses (e.g. to select the text for Ctrl+C). */
export function useCopyStatus(): [CopyStatus, (text: string, onFailed?: () => void) => Promise<void>] {
  const [status, setStatus] = useState<CopyStatus>('idle');
  useEffect(() => {
    if (status === 'idle') return;
    const timer = setTimeout(() => setStatus('idle'), 2500);
    return () => clearTimeout(timer);
  }, [status]);
  const copy = async (text: string, onFailed?: () => void) => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      onFailed?.();
      setStatus('failed');
    }
  };
  return [status, copy];
}
