import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor/editor.api';
// The editor's features (find, folding, suggestions, hovers, the diff editor, ...), without any language.
import 'monaco-editor/features/register.all';
// JSON: colouring, folding and validation in the JSON worker.
import 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import { registerTemplateLanguage } from './template-language';
import { monacoThemeOf, useThemeStore } from '../features/theme/theme-store';

/**
 * Monaco from the local bundle, with only the languages this app shows: JSON, plain text (built in)
 * and the body template language. Imported only through `import()` (see `components/CodeEditor.tsx`),
 * so the first screen never loads it; `test/unit/build/bundle-size.test.ts` holds both lines.
 * Without `loader.config({ monaco })` @monaco-editor/react would fetch Monaco from a CDN, which this
 * app never does (the CSP forbids it anyway).
 */
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    if (label === 'json') return new JsonWorker();
    return new EditorWorker();
  },
};

registerTemplateLanguage(monaco.languages);
loader.config({ monaco });

// Monaco has one theme for every editor on the page: it follows the app's light or dark theme.
monaco.editor.setTheme(monacoThemeOf(useThemeStore.getState().theme));
useThemeStore.subscribe((state, previous) => {
  if (state.theme !== previous.theme) monaco.editor.setTheme(monacoThemeOf(state.theme));
});

export { monaco };
