import Editor, { type OnMount } from '@monaco-editor/react';
import { useRef } from 'react';
import '../monaco/setup';

export interface CodeEditorProps {
  /** Accessible name of the editor's text area. */
  label: string;
  value: string;
  language?: 'json' | 'plaintext' | 'html' | 'xml';
  readOnly?: boolean;
  height?: number | string;
  onChange?: (value: string) => void;
  /** Ctrl/Cmd+Enter inside the editor. */
  onSubmit?: () => void;
}

/** The one place Monaco is used: a JSON (or text) editor, read-only or editable. */
export function CodeEditor({ label, value, language = 'json', readOnly = false, height = 240, onChange, onSubmit }: CodeEditorProps) {
  const submitRef = useRef(onSubmit);
  submitRef.current = onSubmit;
  const onMount: OnMount = (editor, monaco) => {
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => submitRef.current?.());
  };
  return (
    <div className="code-editor" role="group" aria-label={label} style={{ height }}>
      <Editor
        value={value}
        language={language}
        theme="vs-dark"
        onMount={onMount}
        onChange={(next) => onChange?.(next ?? '')}
        loading={<div className="muted">Loading editor…</div>}
        options={{
          ariaLabel: label,
          readOnly,
          domReadOnly: readOnly,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          fontSize: 13,
          wordWrap: 'on',
          automaticLayout: true,
          tabSize: 2,
          renderLineHighlight: readOnly ? 'none' : 'line',
        }}
      />
    </div>
  );
}
