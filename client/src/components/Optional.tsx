import { Component, type ReactNode, Suspense } from 'react';

/**
 * A lazily loaded part the page works without (a device check, a facilitator's chart): its own
 * loading boundary, so the rest of the screen stays while it arrives, and left out if its code
 * cannot be fetched rather than taking the page down.
 */
export class Optional extends Component<{ children: ReactNode; fallback?: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('[plenary] an optional part could not be shown', error);
  }

  override render() {
    if (this.state.failed) return null;
    return <Suspense fallback={this.props.fallback ?? null}>{this.props.children}</Suspense>;
  }
}
