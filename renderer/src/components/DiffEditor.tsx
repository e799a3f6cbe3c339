import { lazy } from 'react';
import { EditorLoading } from './CodeEditor';
import { LazyPart } from './LazyPart';

export interface DiffEditorProps {
  /** Accessible name of the whole diff. */
  label: string;
  originalLabel: string;
  modifiedLabel: string;
  original: string;
  modified: string;
  language?: 'json' | 'plaintext';
  height?: number;
}

// Monaco arrives with the first editor that renders (see CodeEditor.tsx).
const MonacoDiffEditor = lazy(() => import('../monaco/MonacoDiffEditor').then((m) => ({ default: m.MonacoDiffEditor })));

/**
 * Two texts side by side with their differences marked: Monaco's own diff editor, read-only.
 * Stays side by side however narrow the dialog is; F7 / Shift+F7 move between changes from the keyboard.
 */
export function DiffEditor(props: DiffEditorProps) {
  return (
    <div className="code-editor-slot" style={{ height: props.height ?? 280 }}>
      <LazyPart loading={<EditorLoading />} what="The comparison">
        <MonacoDiffEditor {...props} />
      </LazyPart>
    </div>
  );
}
