import { describe, expect, it } from 'vitest';
import { bodyOf, draftOf } from '../../../renderer/src/features/environments/environment-draft';

describe('environment editor: the PUT body it sends', () => {
  const current = { environments: { local: { TARGET: '••••4001' }, staging: { TARGET: '••••ooks' } }, active: 'staging' };

  it('sends masked values back unchanged and keeps the active one', () => {
    expect(bodyOf(draftOf(current), current.active)).toEqual({ environments: current.environments, active: 'staging' });
  });

  it('names a rename so masked values are kept, and the active environment follows it', () => {
    const drafts = draftOf(current).map((d) => (d.name === 'staging' ? { ...d, name: 'stage' } : d));
    expect(bodyOf(drafts, 'staging')).toEqual({
      environments: { local: { TARGET: '••••4001' }, stage: { TARGET: '••••ooks' } },
      active: 'stage',
      renamed: { stage: 'staging' },
    });
  });

  it('switches to none when the active environment is removed', () => {
    const drafts = draftOf(current).filter((d) => d.name !== 'staging');
    expect(bodyOf(drafts, 'staging').active).toBeNull();
  });
});
