import type { WorkspaceChange, WorkspacePlan } from '../../../../shared/workspace/workspace-plan';

const ACTION_WORDS: Record<WorkspaceChange['action'], string> = { create: 'Create', update: 'Update', delete: 'Delete', unchanged: 'Unchanged' };

/** A plan as a readable diff: one row per resource with its action, changed fields and secret notes (kept or written unset), then the unset variables. */
export function PlanTable({ plan, caption }: { plan: WorkspacePlan; caption: string }) {
  return (
    <>
      <table className="plan-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Name</th>
            <th scope="col">Action</th>
            <th scope="col">Changed fields</th>
          </tr>
        </thead>
        <tbody>
          {plan.changes.map((change) => (
            <tr key={`${change.kind}:${change.name}`} className={`plan-${change.action}`}>
              <td>{change.kind}</td>
              <th scope="row">{change.name}</th>
              <td>{ACTION_WORDS[change.action]}</td>
              <td>
                {change.fields?.join(', ') ?? ''}
                {change.secrets?.map((note) => (
                  <div key={note.field} className={`plan-secret-${note.outcome}`}>
                    <code>{note.field}</code>: {note.message}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.missingVariables.length > 0 && (
        <section aria-label="Variables not set">
          <p>These variables are not set in the active environment or the process environment; what uses them fails, naming them, until they are:</p>
          <ul>
            {plan.missingVariables.map((name) => (
              <li key={name}>
                <code>{name}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
