import { Modal } from '../../components/Modal';
import { usePaletteStore } from './palette-store';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';

/** Every shortcut of the workspace, as the keys to press and what they do. */
export const SHORTCUTS: { keys: string[]; does: string }[] = [
  { keys: [`${mod}+K`], does: 'Open the command palette: any page, connector, webhook, event id or action' },
  { keys: [`${mod}+S`], does: 'Save the form of the page in front' },
  { keys: ['/'], does: 'Go to the page’s search field' },
  { keys: ['?'], does: 'Show these shortcuts' },
  { keys: [`${mod}+Enter`], does: 'Send test (on a webhook page), Run check (on the Receiver check page)' },
  { keys: ['Enter'], does: 'On a sidebar item: open it and move to the page' },
  { keys: ['←', '→', 'Home', 'End'], does: 'Move between tabs, views and chart ranges' },
  { keys: ['Esc'], does: 'Close a dialog' },
];

export function ShortcutsDialog() {
  const close = usePaletteStore((s) => s.close);
  return (
    <Modal title="Keyboard shortcuts" onClose={close} wide>
      <p className="muted">/ and ? work when you are not typing in a field.</p>
      <table className="table shortcuts">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What it does</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.does}>
              <td className="shortcut-keys">
                {s.keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </td>
              <td>{s.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </Modal>
  );
}
