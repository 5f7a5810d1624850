/** Opaque, URL-safe, sortable-enough ids: a time prefix keeps inserts roughly ordered. Web Crypto, so any runtime can make one. */
export function newId(): string {
  const random = crypto.getRandomValues(new Uint8Array(8));
  const base64url = btoa(String.fromCharCode(...random)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  return Date.now().toString(36).padStart(9, "0") + base64url;
}
