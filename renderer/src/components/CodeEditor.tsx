import { lazy } from 'react';
import { LazyPart, LoadingStatus } from './LazyPart';

/** A problem to underline (1-based line and column). */
export interface EditorMarker {
  line: number;
  column: number;
  message: string;
}

/**
 * The languages callers may name. Only JSON, plain text and the body template language are bundled
 * (the workspace must start fast): XML and HTML bodies show as plain text, and `handlebars` is an
 * older name for `template`.
 */
export type CodeEditorLanguage = 'json' | 'plaintext' | 'template' | 'xml' | 'html' | 'handlebars';

export interface CodeEditorProps {
  /** Accessible name of the editor's text area. */
  label: string;
  value: string;
  language?: CodeEditorLanguage;
  readOnly?: boolean;
  height?: number | string;
  onChange?: (value: string) => void;
  /** Ctrl/Cmd+Enter inside the editor. */
  onSubmit?: () => void;
  /** Field paths offered after `{{` (this editor's model only). */
  completions?: readonly string[];
  /** Problems underlined in the text (e.g. a template error's line and column). */
  markers?: readonly EditorMarker[];
}

// Monaco (about 3 MB of JavaScript) is fetched the first time any editor renders, never for the first screen.
const MonacoCodeEditor = lazy(() => import('../monaco/MonacoCodeEditor').then((m) => ({ default: m.MonacoCodeEditor })));

/**
 * The one place Monaco is used: a JSON (or text, or template) editor, read-only or editable. The box
 * keeps its size while Monaco loads; the labelled group and its text area appear once it can be typed in.
 */
export function CodeEditor(props: CodeEditorProps) {
  return (
    <div className="code-editor-slot" style={{ height: props.height ?? 240 }}>
      <LazyPart loading={<EditorLoading />} what="The editor">
        <MonacoCodeEditor {...props} />
      </LazyPart>
    </div>
  );
}

/** The editor's box while Monaco loads (the first editor of the session only). */
export function EditorLoading() {
  return (
    <div className="code-editor" style={{ height: '100%' }}>
      <LoadingStatus text="Loading editor…" />
    </div>
  );
}
