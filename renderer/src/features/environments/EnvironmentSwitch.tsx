import { lazy, Suspense, useEffect, useState } from 'react';
import './environments.css';
import { useEnvironmentsStore } from './environments-store';

const EnvironmentsDialog = lazy(() => import('./EnvironmentsDialog').then((m) => ({ default: m.EnvironmentsDialog })));

/**
 * The status bar's environment switcher: which environment `${VAR}` references resolve from for
 * tests, deliveries and forwards (switching takes effect at once), and the editor.
 */
export function EnvironmentSwitch() {
  const { environments, active, loaded, error, load, setActive } = useEnvironmentsStore();
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);
  const names = Object.keys(environments);
  return (
    <span className="environment-switch">
      <label>
        <span className="muted">Environment</span>
        <select value={active ?? ''} onChange={(e) => void setActive(e.target.value === '' ? null : e.target.value)} disabled={!loaded}>
          <option value="">None</option>
          {names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="link" onClick={() => setEditing(true)}>
        Edit environments
      </button>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
      {editing && (
        <Suspense fallback={null}>
          <EnvironmentsDialog onClose={() => setEditing(false)} />
        </Suspense>
      )}
    </span>
  );
}
