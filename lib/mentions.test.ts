import { describe, expect, it } from "vitest";
import { parseMentions } from "./mentions";

const users = [
  { id: "u1", name: "Eddie Editor", email: "editor@factdesk.test" },
  { id: "u2", name: "Edna Editor", email: "editor2@factdesk.test" },
  { id: "u3", name: "Rae Reviewer", email: "reviewer@factdesk.test" },
  { id: "u4", name: "Rae Other", email: "rae@factdesk.test" },
];

describe("parseMentions", () => {
  it("finds full names, emails and unique first names, each user once", () => {
    expect(parseMentions("@Eddie Editor please check, cc @editor2@factdesk.test and @eddie again", users)).toEqual(["u1", "u2"]);
    expect(parseMentions("Thanks @Edna.", users)).toEqual(["u2"]);
  });

  it("does not guess between two people with the same first name", () => {
    expect(parseMentions("@Rae can you look?", users)).toEqual([]);
    expect(parseMentions("@Rae Reviewer can you look?", users)).toEqual(["u3"]);
  });

  it("ignores email addresses and partial words that are not mentions", () => {
    expect(parseMentions("write to press@editor@factdesk.test or x@Eddie", users)).toEqual([]);
    expect(parseMentions("@Eddies are not Eddie; @Eddie-x neither", users)).toEqual([]);
    expect(parseMentions("no mentions here", users)).toEqual([]);
  });
});
