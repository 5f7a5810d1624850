import { describe, expect, it } from "vitest";
import { archivePolicyFromEnv } from "./archive-policy";

describe("archivePolicyFromEnv", () => {
  it("archives by default, public hosts only, 10 MB a page and 2 GB in all, PDFs accepted", () => {
    const policy = archivePolicyFromEnv({});
    expect(policy).toMatchObject({ enabled: true, totalMaxBytes: 2 * 1024 ** 3 });
    expect(policy.fetch).toMatchObject({ allowHosts: [], allowPorts: [80, 443], maxBytes: 10 * 1024 ** 2, extraTypes: ["application/pdf"] });
  });

  it("reads the operator's settings; empty values count as unset", () => {
    const policy = archivePolicyFromEnv({ ARCHIVE: " OFF ", ARCHIVE_ALLOW_HOSTS: "127.0.0.1:3320, intranet.example", ARCHIVE_MAX_BYTES: "1000", ARCHIVE_TOTAL_MAX_BYTES: "" });
    expect(policy.enabled).toBe(false);
    expect(policy.fetch.allowHosts).toEqual([
      { host: "127.0.0.1", port: 3320 },
      { host: "intranet.example", port: null },
    ]);
    expect(policy.fetch.maxBytes).toBe(1000);
    expect(policy.totalMaxBytes).toBe(2 * 1024 ** 3);
    expect(archivePolicyFromEnv({ ARCHIVE: "" }).enabled).toBe(true);
  });

  it("names the variable when a value is wrong", () => {
    expect(() => archivePolicyFromEnv({ ARCHIVE: "maybe" })).toThrow(/ARCHIVE:/);
    expect(() => archivePolicyFromEnv({ ARCHIVE_ALLOW_HOSTS: "http://x" })).toThrow(/ARCHIVE_ALLOW_HOSTS: "http:\/\/x" is not a host/);
    expect(() => archivePolicyFromEnv({ ARCHIVE_MAX_BYTES: "ten" })).toThrow(/ARCHIVE_MAX_BYTES/);
    expect(() => archivePolicyFromEnv({ ARCHIVE_TOTAL_MAX_BYTES: "-1" })).toThrow(/ARCHIVE_TOTAL_MAX_BYTES/);
  });
});
