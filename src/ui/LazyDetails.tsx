// LazyDetails: a <details> whose body is mounted only while it is open, so a closed section costs nothing on each step.

import { useState, type ReactNode } from 'react';

export interface LazyDetailsProps {
  className: string;
  testId: string;
  summary: ReactNode;
  /** The body, mounted when the section opens and unmounted when it closes. */
  children: ReactNode;
}

export function LazyDetails({ className, testId, summary, children }: LazyDetailsProps) {
  const [open, setOpen] = useState(false);
  return (
    <details className={className} open={open} data-testid={testId}>
      {/* Controlled by state (not the browser's own toggle), so the body mounts exactly when the section is open. */}
      <summary
        onClick={(event) => {
          event.preventDefault();
          setOpen(!open);
        }}
      >
        {summary}
      </summary>
      {open && children}
    </details>
  );
}
