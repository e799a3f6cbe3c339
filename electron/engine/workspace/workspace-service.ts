import { ErrorCode, HookdeskError } from '../../../shared/errors';
import type { WorkspaceFile } from '../../../shared/workspace/workspace-file';
import type { WorkspacePlan } from '../../../shared/workspace/workspace-plan';

export type SecretHandling = 'env' | 'include';

/** Export, plan and apply of the workspace file (API.md section 5). Used by the routes and the CLI. */
export class WorkspaceService {
  exportWorkspace(_secrets: SecretHandling): { file: WorkspaceFile; variables: string[] } {
    throw new HookdeskError(501, ErrorCode.internal, 'Workspace export is not built yet.');
  }

  planWorkspace(_file: unknown, _opts: { prune: boolean }): Promise<WorkspacePlan> {
    return Promise.reject(new HookdeskError(501, ErrorCode.internal, 'Workspace plan is not built yet.'));
  }

  applyWorkspace(_file: unknown, _opts: { prune: boolean; managed?: boolean }): Promise<WorkspacePlan> {
    return Promise.reject(new HookdeskError(501, ErrorCode.internal, 'Workspace apply is not built yet.'));
  }
}
