import { create } from 'zustand';

/** What the person chose: follow the system (`prefers-color-scheme`), or always light or dark. */
export type ThemePreference = 'system' | 'light' | 'dark';
/** What is shown. */
export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'hookdesk.theme';
const PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark'];

function readPreference(): ThemePreference {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return PREFERENCES.includes(stored as ThemePreference) ? (stored as ThemePreference) : 'system';
  } catch {
    // Storage can be switched off; the system's choice is then the one shown.
    return 'system';
  }
}

const darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;

function resolve(preference: ThemePreference): Theme {
  if (preference !== 'system') return preference;
  // Without a media query (no browser) the dark theme the app was designed in.
  return darkQuery === null || darkQuery.matches ? 'dark' : 'light';
}

/** The CSS variables at the top of styles.css switch on this attribute. */
function apply(theme: Theme): void {
  if (typeof document === 'undefined') return;
  document.documentElement.dataset.theme = theme;
}

interface ThemeState {
  preference: ThemePreference;
  theme: Theme;
  setPreference(preference: ThemePreference): void;
  /** The palette's "Toggle theme": the other of light and dark, remembered as a choice. */
  toggle(): void;
}

export const useThemeStore = create<ThemeState>((set, get) => {
  const preference = readPreference();
  const theme = resolve(preference);
  apply(theme);
  return {
    preference,
    theme,
    setPreference(next) {
      try {
        localStorage.setItem(THEME_STORAGE_KEY, next);
      } catch {
        // Not remembered, still shown.
      }
      const shown = resolve(next);
      apply(shown);
      set({ preference: next, theme: shown });
    },
    toggle() {
      get().setPreference(get().theme === 'dark' ? 'light' : 'dark');
    },
  };
});

// The system's scheme changes while the app is open (evening mode): follow it unless a theme was chosen.
darkQuery?.addEventListener('change', () => {
  const { preference } = useThemeStore.getState();
  if (preference !== 'system') return;
  const theme = resolve('system');
  apply(theme);
  useThemeStore.setState({ theme });
});

/** Monaco's built-in theme for the theme shown. */
export function monacoThemeOf(theme: Theme): 'vs' | 'vs-dark' {
  return theme === 'dark' ? 'vs-dark' : 'vs';
}
