// PanelErrorBoundary: a crash inside a panel shows an error card with "reset this panel"; the rest of the app keeps working.

import { Component, type ReactNode } from 'react';

export interface PanelErrorBoundaryProps {
  title: string;
  body: string;
  resetLabel: string;
  onReset(): void;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class PanelErrorBoundary extends Component<PanelErrorBoundaryProps, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error): void {
    // Kept in the console for whoever debugs it; the user sees the card.
    console.warn('Panel crashed:', error.message);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <section className="error-card" role="alert">
        <h2>{this.props.title}</h2>
        <p>{this.props.body}</p>
        <p className="secondary error-detail">{this.state.error.message}</p>
        <button
          type="button"
          onClick={() => {
            this.props.onReset();
            this.setState({ error: null });
          }}
        >
          {this.props.resetLabel}
        </button>
      </section>
    );
  }
}
