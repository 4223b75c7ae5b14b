import { Component, type ReactNode } from 'react';

interface Props {
  /** What to say when it failed to load, and on the button that tries again (in the reader's language). */
  message: string;
  retryLabel: string;
  onRetry: () => void;
  children: ReactNode;
}

/** A lazily loaded part that failed to arrive (offline on first use) says so instead of blanking the page. */
export class LoadBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <p role="alert" className="notes-load-failed">
        {this.props.message}{' '}
        <button
          type="button"
          className="small"
          onClick={() => {
            this.setState({ failed: false });
            this.props.onRetry();
          }}
        >
          {this.props.retryLabel}
        </button>
      </p>
    );
  }
}
