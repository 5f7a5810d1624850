import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { boilerplateReason, markBoilerplate } from "./boilerplate";
import { draftBlocksFromPlainText } from "./plain-text";

describe("boilerplate heuristics", () => {
  it.each([
    ["Home News Exploring the Role of Kratom", "Exploring the Role of Kratom", "Site navigation"],
    ["Home › Health › Kratom", "", "Site navigation"],
    ["Home | Blog | Shop", "", "Site navigation"],
    ["Exploring the Role of Kratom", "Exploring the role of kratom", "Repeats the title"],
    ["by admin", "", "Byline"],
    ["Posted by Jane Doe", "", "Byline"],
    ["Published on March 3, 2024", "", "Date line"],
    ["Leave a Comment", "", "Comment prompt"],
    ["Leave a Reply", "", "Comment prompt"],
    ["12 Comments", "", "Comment prompt"],
    ["related posts", "", "Related posts"],
    ["You might also like", "", "Related posts"],
    ["Share this: Facebook Twitter", "", "Share or follow"],
    ["Subscribe to our newsletter", "", "Newsletter"],
    ["© 2024 Example News. All rights reserved.", "", "Copyright"],
    ["Advertisement", "", "Advertisement"],
    ["Tags: kratom, opioids", "", "Tags"],
    ["We use cookies. Accept all?", "", "Cookie notice"],
    ["For me information on 광양출장안마-광양출장마사지 contact us anytime.", "", "spam"],
    ["Best casino bonus at www.example.casino click here", "", "spam"],
    ["• • •", "", "No words"],
  ])("%s → %s", (text, title, reason) => {
    expect(boilerplateReason(text, { title })).toContain(reason);
  });

  it.each([
    "Kratom contains alkaloids that interact with the opioid receptors in the brain.",
    "Related research, however, paints a different picture of kratom's safety for people with liver disease, and the authors of three separate reviews agree that more trials are needed before any conclusion.",
    "Home remedies are popular.",
    "By 2020, kratom was banned in six countries.",
    "Contact your doctor before using kratom.",
  ])("leaves article text alone: %s", (text) => {
    expect(boilerplateReason(text, { title: "Kratom" })).toBeNull();
  });

  it("pre-marks the boilerplate of the kratom news fixture, spam line included, and keeps every article paragraph", () => {
    const raw = fs.readFileSync(path.resolve(import.meta.dirname, "../../fixtures/articles/kratom-combating-withdrawal-news.txt"), "utf8");
    const title = "Exploring the Role of Kratom in Combating Opioid Withdrawal Symptoms";
    const blocks = markBoilerplate(draftBlocksFromPlainText(raw), title);
    const dropped = blocks.filter((b) => b.drop).map((b) => b.text);
    expect(dropped).toEqual([
      `Home News ${title}`,
      title,
      "by admin",
      "For me information on 광양출장안마-광양출장마사지 contact us anytime.",
      "related posts",
      "Leave a Comment",
    ]);
    const kept = blocks.filter((b) => !b.drop);
    expect(kept).toHaveLength(7);
    expect(kept.at(-1)!.text).toMatch(/^In conclusion,.*combat withdrawal symptoms\.$/);
  });

  it("splits a boilerplate line off the paragraph it was glued to, and nothing else", () => {
    const blocks = draftBlocksFromPlainText("First line of text\nstill the same paragraph.\n\nLast paragraph.\nLeave a Comment");
    expect(blocks.map((b) => b.text)).toEqual(["First line of text still the same paragraph.", "Last paragraph.", "Leave a Comment"]);
  });
});
