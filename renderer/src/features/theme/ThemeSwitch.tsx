import { useThemeStore, type ThemePreference } from './theme-store';

const LABELS: Record<ThemePreference, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** System / Light / Dark in the status bar; the choice is remembered in this browser. */
export function ThemeSwitch() {
  const preference = useThemeStore((s) => s.preference);
  const setPreference = useThemeStore((s) => s.setPreference);
  return (
    <label className="theme-switch">
      <span className="muted">Theme</span>
      <select value={preference} onChange={(e) => setPreference(e.target.value as ThemePreference)}>
        {(Object.keys(LABELS) as ThemePreference[]).map((p) => (
          <option key={p} value={p}>
            {LABELS[p]}
          </option>
        ))}
      </select>
    </label>
  );
}
