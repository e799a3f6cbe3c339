import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useMemo, useRef } from 'react';
import { flushSync } from 'react-dom';
import type { CodeEditorLanguage, CodeEditorProps } from '../components/CodeEditor';
import { monacoThemeOf, useThemeStore } from '../features/theme/theme-store';
import './setup';
import { TEMPLATE_LANGUAGE_ID } from './template-language';

type MonacoApi = Parameters<OnMount>[1];
type EditorInstance = Parameters<OnMount>[0];
type TextModel = NonNullable<ReturnType<EditorInstance['getModel']>>;
type Position = NonNullable<ReturnType<EditorInstance['getPosition']>>;

/** The Monaco language id for what the caller named: only JSON, plain text and the template language are bundled. */
function monacoLanguage(language: CodeEditorLanguage): string {
  if (language === 'json') return 'json';
  if (language === 'template' || language === 'handlebars') return TEMPLATE_LANGUAGE_ID;
  return 'plaintext';
}

let editorCount = 0;

/** Monaco itself in its labelled box, loaded on first use by `components/CodeEditor.tsx` (which holds the box's size). */
export function MonacoCodeEditor({ label, value, language = 'json', readOnly = false, onChange, onSubmit, completions, markers }: CodeEditorProps) {
  const monacoTheme = monacoThemeOf(useThemeStore((s) => s.theme));
  const submitRef = useRef(onSubmit);
  submitRef.current = onSubmit;
  const completionsRef = useRef(completions);
  completionsRef.current = completions;
  const wantsCompletions = completions !== undefined;
  const monacoRef = useRef<MonacoApi | null>(null);
  const editorRef = useRef<EditorInstance | null>(null);
  const disposeRef = useRef<(() => void) | null>(null);

  const onMount: OnMount = (editor, monaco) => {
    monacoRef.current = monaco;
    editorRef.current = editor;
    // Scoped to this editor by a context key of its own: Monaco's keybindings are global, so an
    // unscoped command of the last editor created would answer Ctrl+Enter typed in any other one.
    const submitContext = `hookdeskSubmit${++editorCount}`;
    editor.createContextKey(submitContext, true);
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => submitRef.current?.(), submitContext);
    if (wantsCompletions) disposeRef.current = registerTemplateCompletions(monaco, editor, () => completionsRef.current ?? []);
    applyMarkers();
  };

  useEffect(() => () => disposeRef.current?.(), []);

  const applyMarkers = (): void => {
    const monaco = monacoRef.current;
    const model = editorRef.current?.getModel();
    if (!monaco || !model) return;
    monaco.editor.setModelMarkers(
      model,
      'hookdesk',
      (markers ?? []).map((m) => {
        const line = Math.min(Math.max(1, m.line), model.getLineCount());
        const column = Math.max(1, m.column);
        return { startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: column + 1, message: m.message, severity: monaco.MarkerSeverity.Error };
      }),
    );
  };
  const markersKey = JSON.stringify(markers ?? []);
  useEffect(applyMarkers, [markersKey, value]);

  // One object per setting change: a new object each render would make Monaco update its options on
  // every keystroke, which closes an open suggestion list.
  const options = useMemo(
    () => ({
      ariaLabel: label,
      readOnly,
      domReadOnly: readOnly,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      wordWrap: 'on' as const,
      automaticLayout: true,
      // Suggestion lists and hovers drawn above the page, not clipped by the editor box or covered
      // by a form's sticky save bar.
      fixedOverflowWidgets: true,
      tabSize: 2,
      renderLineHighlight: readOnly ? ('none' as const) : ('line' as const),
      ...(wantsCompletions
        ? { wordBasedSuggestions: 'off' as const, suggestOnTriggerCharacters: true, autoClosingBrackets: 'never' as const, autoClosingQuotes: 'never' as const }
        : {}),
    }),
    [label, readOnly, wantsCompletions],
  );

  return (
    <div className="code-editor" role="group" aria-label={label} style={{ height: '100%' }}>
      <Editor
        value={value}
        language={monacoLanguage(language)}
        theme={monacoTheme}
        onMount={onMount}
        // Rendered at once: a render left for later would hand Monaco a `value` a keystroke behind,
        // which it would write back over the newer text (losing the cursor and any open suggestion list).
        onChange={(next) => flushSync(() => onChange?.(next ?? ''))}
        loading={
          <div className="muted" role="status">
            Loading editor…
          </div>
        }
        options={options}
      />
    </div>
  );
}

/**
 * Offers `paths` after `{{` (also `{{#`, `{{^`, `{{/`, `{{&`, `{{{`) in one editor's model only, opening the list as `{{` is typed:
 * Monaco registers providers per language, so the provider answers nothing for other models.
 * Closes the tag unless `}}` already follows. Answers the function that removes the provider.
 */
export function registerTemplateCompletions(monaco: MonacoApi, editor: EditorInstance, paths: () => readonly string[]): () => void {
  const modelUri = editor.getModel()?.uri.toString();
  const language = editor.getModel()?.getLanguageId() ?? 'plaintext';
  const provider = monaco.languages.registerCompletionItemProvider(language, {
    triggerCharacters: ['.'],
    provideCompletionItems(model: TextModel, position: Position) {
      if (model.uri.toString() !== modelUri) return { suggestions: [] };
      const line = model.getLineContent(position.lineNumber);
      const before = line.slice(0, position.column - 1);
      const open = /\{\{\{?[#^/&]?\s*([\w.$-]*)$/.exec(before);
      if (!open) return { suggestions: [] };
      const typed = open[1] ?? '';
      const after = line.slice(position.column - 1);
      const closing = /^\s*\}\}/.test(after) ? '' : after.startsWith('}') ? '}' : '}}';
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: position.column - typed.length,
        endColumn: position.column,
      };
      return {
        suggestions: paths().map((path, index) => ({
          label: path,
          kind: monaco.languages.CompletionItemKind.Field,
          insertText: `${path}${closing}`,
          filterText: path,
          sortText: String(index).padStart(4, '0'),
          range,
        })),
      };
    },
  });
  // `{{` opens the list explicitly: as a trigger character, a fast second `{` could be lost in an
  // already running (empty) quick-suggest session.
  const typed = editor.onDidChangeModelContent((event) => {
    if (!event.changes.some((change) => change.text === '{')) return;
    const position = editor.getPosition();
    const model = editor.getModel();
    if (!position || !model) return;
    const before = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
    if (/\{\{\{?$/.test(before)) editor.trigger('template-completions', 'editor.action.triggerSuggest', {});
  });
  return () => {
    provider.dispose();
    typed.dispose();
  };
}
