import { describe, expect, it } from "vitest";
import { languageTag } from "./language";

describe("languageTag", () => {
  it("accepts BCP 47 tags in their canonical spelling", () => {
    expect(languageTag.parse(" en ")).toBe("en");
    expect(languageTag.parse("pt-br")).toBe("pt-BR");
    expect(languageTag.parse("zh-hant")).toBe("zh-Hant");
  });

  it("refuses what is not a tag, in plain words", () => {
    const result = languageTag.safeParse("English please");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("“English please” is not a language tag. Use a tag such as en, fr or pt-BR.");
    expect(languageTag.safeParse("e").success).toBe(false);
  });
});
