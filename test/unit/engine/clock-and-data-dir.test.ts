import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/engine/clock';
import { defaultDataDir } from '../../../electron/engine/default-data-dir';

describe('ManualClock', () => {
  it('fires due timers in order when moved, and not before', () => {
    const clock = new ManualClock(0);
    const fired: string[] = [];
    clock.setTimer(() => fired.push(`b@${clock.now()}`), 200);
    clock.setTimer(() => fired.push(`a@${clock.now()}`), 100);
    const cancel = clock.setTimer(() => fired.push('never'), 150);
    cancel();
    clock.advance(99);
    expect(fired).toEqual([]);
    clock.advance(200);
    expect(fired).toEqual(['a@100', 'b@200']);
    expect(clock.now()).toBe(299);
  });
});

describe('defaultDataDir', () => {
  it('is the folder Electron uses for an app named Hookdesk', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/u/.config' }, 'linux')).toBe('/home/u/.config/Hookdesk');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toContain('Hookdesk');
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/Hookdesk$/);
  });
});
