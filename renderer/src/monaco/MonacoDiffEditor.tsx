import { useEffect, useRef } from 'react';
import type { DiffEditorProps } from '../components/DiffEditor';
import { monacoThemeOf, useThemeStore } from '../features/theme/theme-store';
import { monaco } from './setup';

/**
 * Monaco's own diff editor (`monaco.editor.createDiffEditor`), loaded on first use by
 * `components/DiffEditor.tsx`, which holds the box's size.
 */
export function MonacoDiffEditor({ label, originalLabel, modifiedLabel, original, modified, language = 'plaintext' }: DiffEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneDiffEditor | null>(null);
  const modelsRef = useRef<{ original: monaco.editor.ITextModel; modified: monaco.editor.ITextModel } | null>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const editor = monaco.editor.createDiffEditor(host, {
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      useInlineViewWhenSpaceIsLimited: false,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      wordWrap: 'on',
      fontSize: 12,
      renderOverviewRuler: false,
      theme: monacoThemeOf(useThemeStore.getState().theme),
      originalAriaLabel: originalLabel,
      modifiedAriaLabel: modifiedLabel,
    });
    editorRef.current = editor;
    return () => {
      editor.dispose();
      modelsRef.current?.original.dispose();
      modelsRef.current?.modified.dispose();
      modelsRef.current = null;
      editorRef.current = null;
    };
  }, [originalLabel, modifiedLabel]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const previous = modelsRef.current;
    const models = { original: monaco.editor.createModel(original, language), modified: monaco.editor.createModel(modified, language) };
    editor.setModel(models);
    modelsRef.current = models;
    previous?.original.dispose();
    previous?.modified.dispose();
  }, [original, modified, language, originalLabel, modifiedLabel]);

  return <div className="code-editor diff-editor" role="group" aria-label={label} ref={hostRef} style={{ height: '100%' }} />;
}
