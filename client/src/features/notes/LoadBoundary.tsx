import { Component, type ReactNode } from 'react';

interface Props {
  /** What failed to load, for the message. */
  what: string;
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
        The {this.props.what} could not be loaded. Check your connection.{' '}
        <button
          type="button"
          className="small"
          onClick={() => {
            this.setState({ failed: false });
            this.props.onRetry();
          }}
        >
          Try again
        </button>
      </p>
    );
  }
}
