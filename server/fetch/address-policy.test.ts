import { describe, expect, it } from "vitest";
import { checkAddress, refusedAddressReason } from "./address-policy";

describe("refusedAddressReason", () => {
  const refused = [
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "link-local"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["224.0.0.251", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["240.0.0.1", "reserved"],
    ["192.0.2.10", "reserved"],
    ["198.18.0.1", "reserved"],
    ["0.0.0.0", "unspecified"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "link-local"],
    ["fc00::1", "unique local"],
    ["fd12:3456::1", "unique local"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:a9fe:a9fe", "link-local"],
    ["::ffff:10.1.1.1", "private"],
    ["::127.0.0.1", "loopback"],
    ["64:ff9b::a9fe:a9fe", "NAT64"],
    ["2002:7f00:1::", "6to4"],
    ["2001::1", "Teredo"],
    ["2001:db8::1", "reserved"],
    ["[::1]", "loopback"],
  ] as const;
  it.each(refused)("refuses %s (%s)", (address, reason) => {
    expect(refusedAddressReason(address)).toContain(reason);
  });

  it.each(["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("allows the public address %s", (address) => {
    expect(refusedAddressReason(address)).toBeNull();
  });

  it("refuses what is not an address", () => {
    expect(refusedAddressReason("example.com")).toBe("not an IP address");
  });
});

describe("unusual spellings of internal addresses", () => {
  it.each([
    ["[::127.0.0.1]", /IPv4-compatible.*loopback/],
    ["::127.0.0.1", /IPv4-compatible.*loopback/],
    ["[::7f00:1]", /IPv4-compatible.*loopback/],
    ["::a9fe:a9fe", /IPv4-compatible.*link-local/],
    ["::8.8.8.8", /IPv4-compatible/],
    ["[0:0:0:0:0:ffff:127.0.0.1]", /mapped.*loopback/],
    ["[::ffff:7f00:1]", /mapped.*loopback/],
    ["::ffff:0:7f00:1", /outside the global unicast range/],
    ["[64:ff9b::127.0.0.1]", /NAT64.*loopback/],
    ["64:ff9b:1::7f00:1", /NAT64/],
    ["64:ff9b:1::808:808", /NAT64/],
    ["[2002:7f00:1::]", /6to4/],
    ["2002:808:808::1", /6to4/],
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", /Teredo/],
    ["2130706433", /loopback/],
    ["0177.0.0.1", /loopback/],
    ["0x7f.1", /loopback/],
    ["0x7f000001", /loopback/],
    ["127.1", /loopback/],
    ["fe80::1%eth0", /scoped/],
    ["[fe80::1%25eth0]", /scoped/],
    ["[::]", /unspecified/],
    ["0:0:0:0:0:0:0:0", /unspecified/],
    ["0.0.0.0", /unspecified/],
    ["0", /unspecified/],
    ["100:0:0:1::1", /dummy/],
    ["3fff::1", /documentation/],
    ["5f00::1", /segment-routing/],
    ["fec0::1", /site-local/],
    ["2001:20::1", /identifier/],
    ["192.0.0.9", /anycast/],
    ["1.2.3.4@127.0.0.1", /not an IP address/],
  ])("refuses %s", (address, reason) => {
    expect(refusedAddressReason(address)).toMatch(reason);
  });

  it("hands back the spelling it judged, so that is the one dialled", () => {
    expect(checkAddress("::ffff:93.184.216.34")).toEqual({ ok: true, address: "93.184.216.34", family: 4 });
    expect(checkAddress("64:ff9b::93.184.216.34")).toEqual({ ok: true, address: "64:ff9b::5db8:d822", family: 6 });
    expect(checkAddress("[2606:4700:4700:0:0:0:0:1111]")).toEqual({ ok: true, address: "2606:4700:4700::1111", family: 6 });
    expect(checkAddress("1572395042")).toEqual({ ok: true, address: "93.184.216.34", family: 4 });
  });
});
