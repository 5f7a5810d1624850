/**
 * Who may assign work to whom. Anyone on the desk may take work or give it
 * back; handing work to someone else (or taking it from them) is an editor's
 * call, so reviewers cannot pile work on each other.
 */
import { can, type Role } from "./permissions";

export function assignmentBlocker(input: {
  actor: { id: string; role: Role };
  currentAssigneeId: string | null;
  nextAssigneeId: string | null;
  nextAssigneeActive?: boolean;
}): string | null {
  const { actor, currentAssigneeId, nextAssigneeId } = input;
  if (nextAssigneeId !== null && input.nextAssigneeActive === false) return "That person's account is deactivated; assign someone who can sign in.";
  if (can(actor.role, "assign:others")) return null;
  const touchesOthers = (nextAssigneeId !== null && nextAssigneeId !== actor.id) || (currentAssigneeId !== null && currentAssigneeId !== actor.id);
  if (touchesOthers) return "Only editors and admins can assign work to someone else or take it from them. You can assign yourself.";
  return null;
}
