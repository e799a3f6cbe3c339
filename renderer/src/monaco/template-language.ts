import type { languages as MonacoLanguages } from 'monaco-editor/editor/editor.api';

/**
 * The body template language: JSON with Mustache tags (`{{path}}`, `{{{path}}}`, `{{#list}}`,
 * `{{/list}}`, `{{^empty}}`, `{{&raw}}`, `{{json path}}`, `{{! comment}}`), coloured as both at once,
 * tags inside JSON strings included. Ours rather than Monaco's `handlebars`, which colours the text
 * as HTML and drags the HTML, CSS and JavaScript tokenizers along.
 */
export const TEMPLATE_LANGUAGE_ID = 'hookdesk-template';

const tokens: MonacoLanguages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.template',
  tokenizer: {
    root: [
      { include: '@tags' },
      [/"/, 'string', '@string'],
      [/-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/, 'number'],
      [/\b(?:true|false|null)\b/, 'keyword'],
      [/[{}[\]]/, '@brackets'],
      [/[,:]/, 'delimiter'],
      [/\s+/, 'white'],
    ],
    string: [
      { include: '@tags' },
      [/[^"\\{]+/, 'string'],
      [/\\./, 'string.escape'],
      [/\{/, 'string'],
      [/"/, 'string', '@pop'],
    ],
    tags: [
      [/\{\{!/, 'comment', '@comment'],
      [/\{\{\{?/, 'delimiter.bracket', '@tag'],
    ],
    comment: [
      [/\}\}/, 'comment', '@pop'],
      [/[^}]+|\}/, 'comment'],
    ],
    tag: [
      [/\}\}\}?/, 'delimiter.bracket', '@pop'],
      [/[#^/&]/, 'keyword'],
      [/\bjson\b/, 'keyword'],
      [/[\w.$-]+/, 'variable'],
      [/\s+/, 'white'],
      [/[^}\s]/, 'invalid'],
    ],
  },
};

const configuration: MonacoLanguages.LanguageConfiguration = {
  brackets: [
    ['{', '}'],
    ['[', ']'],
  ],
};

/** Registers the template language with this Monaco (once per page). */
export function registerTemplateLanguage(languages: typeof MonacoLanguages): void {
  if (languages.getLanguages().some((l) => l.id === TEMPLATE_LANGUAGE_ID)) return;
  languages.register({ id: TEMPLATE_LANGUAGE_ID, aliases: ['Body template', 'template'] });
  languages.setMonarchTokensProvider(TEMPLATE_LANGUAGE_ID, tokens);
  languages.setLanguageConfiguration(TEMPLATE_LANGUAGE_ID, configuration);
}
