/**
 * @mentions in comments. People write "@Eddie Editor", "@eddie@newsroom.org"
 * or, when it is unambiguous, just the first name "@Eddie". Parsed on the
 * server against the real user list, so a mention can only notify a real user.
 */
export type Mentionable = { id: string; name: string; email: string };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Ids of the users mentioned in `body`, each once, in the order of the user list. */
export function parseMentions(body: string, users: Mentionable[]): string[] {
  if (!body.includes("@")) return [];
  const firstNames = new Map<string, number>();
  for (const u of users) {
    const first = u.name.trim().split(/\s+/)[0]!.toLowerCase();
    firstNames.set(first, (firstNames.get(first) ?? 0) + 1);
  }
  // An "@" starts a mention only at the start or after a non-word character (not inside an email address).
  const mentioned = (handle: string) => new RegExp(`(^|[^\\w@.])@${escape(handle)}(?![\\w@-])`, "i").test(body);
  return users
    .filter((u) => {
      const first = u.name.trim().split(/\s+/)[0]!;
      return (
        mentioned(u.email) ||
        mentioned(u.name.trim()) ||
        (firstNames.get(first.toLowerCase()) === 1 && mentioned(first))
      );
    })
    .map((u) => u.id);
}
