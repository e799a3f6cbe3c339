import { Component, Suspense, type ReactNode } from 'react';

interface LazyPartProps {
  /** Shown while the code loads: an element with role="status" that says what is loading. */
  loading: ReactNode;
  /** What could not load, in words: "The editor", "This page". */
  what: string;
  children: ReactNode;
}

/**
 * A part of the page whose code arrives on first use (React.lazy): says so while it loads, and says
 * plainly if its file could not be loaded (e.g. the engine was updated or stopped meanwhile) instead
 * of taking the whole workspace down with it.
 */
export function LazyPart({ loading, what, children }: LazyPartProps) {
  return (
    <LoadFailureBoundary what={what}>
      <Suspense fallback={loading}>{children}</Suspense>
    </LoadFailureBoundary>
  );
}

/** The usual loading line: a polite status that says what is on its way. */
export function LoadingStatus({ text }: { text: string }) {
  return (
    <div className="lazy-loading muted" role="status" aria-live="polite" style={{ padding: 12 }}>
      {text}
    </div>
  );
}

class LoadFailureBoundary extends Component<{ what: string; children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="lazy-failed" role="alert" style={{ padding: 12 }}>
        <p className="error" title={this.state.error.message}>
          {this.props.what} could not be loaded: its file did not arrive (the engine may have stopped or been updated). Reload to try again.
        </p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload the workspace
        </button>
      </div>
    );
  }
}
