/**
 * The workspace as the browser sees it: the server's Workspace with every
 * Date turned into an ISO string, so it crosses the server/client boundary
 * (props, server action results, the TanStack Query cache) unchanged.
 */
import type { Workspace } from "@/db/queries/claim-details";
import type { Rating } from "@/db/queries/ratings";

/** `T` with Dates as ISO strings, recursively (what `serialize` returns). */
export type Serialized<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Serialized<U>[]
    : T extends object
      ? { [K in keyof T]: Serialized<T[K]> }
      : T;

export type WorkspaceData = Serialized<Workspace>;
/**
 * A claim in the cache. `pending` marks an optimistic one the server has not
 * confirmed yet; `clientKey` is the temporary id it was created under, kept
 * after the server assigns the real id so React keeps the same list entry and
 * form state (a reviewer may start on the verdict while the claim saves).
 */
export type WorkspaceClaim = WorkspaceData["claims"][number] & { pending?: boolean; clientKey?: string };
export type WorkspaceVerdict = NonNullable<WorkspaceClaim["verdict"]>;
export type RatingOption = Serialized<Rating>;
