// Narration: the current step in one line of words, announced politely to screen readers.

export function Narration({ text }: { text: string }) {
  return (
    <p className="narration" aria-live="polite" aria-atomic="true" data-testid="narration">
      {text}
    </p>
  );
}
