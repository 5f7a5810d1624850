import { describe, expect, it } from "vitest";
import { assignmentBlocker } from "./assignment";

const reviewer = { id: "r", role: "reviewer" as const };
const editor = { id: "e", role: "editor" as const };

describe("assignmentBlocker", () => {
  it("lets a reviewer take unassigned work and give back their own", () => {
    expect(assignmentBlocker({ actor: reviewer, currentAssigneeId: null, nextAssigneeId: "r" })).toBeNull();
    expect(assignmentBlocker({ actor: reviewer, currentAssigneeId: "r", nextAssigneeId: null })).toBeNull();
  });

  it("refuses a reviewer assigning others or taking someone's work", () => {
    expect(assignmentBlocker({ actor: reviewer, currentAssigneeId: null, nextAssigneeId: "x" })).toMatch(/Only editors/);
    expect(assignmentBlocker({ actor: reviewer, currentAssigneeId: "x", nextAssigneeId: "r" })).toMatch(/Only editors/);
    expect(assignmentBlocker({ actor: reviewer, currentAssigneeId: "x", nextAssigneeId: null })).toMatch(/Only editors/);
  });

  it("lets editors assign anyone active", () => {
    expect(assignmentBlocker({ actor: editor, currentAssigneeId: "x", nextAssigneeId: "r" })).toBeNull();
    expect(assignmentBlocker({ actor: editor, currentAssigneeId: null, nextAssigneeId: "r", nextAssigneeActive: false })).toMatch(/deactivated/);
  });
});
