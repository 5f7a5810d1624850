import "server-only";
import { z } from "zod";
import type { PublicUser } from "@/db/queries/users";
import { env } from "@/server/env";
import { AppError, isAppError } from "@/lib/errors";
import { MAX_ROUTE_BODY_BYTES } from "@/lib/limits";
import { checkOrigin, readBodyWithin, refusalResponse } from "@/server/security/request-guard";
import type { Permission } from "@/lib/permissions";
import { requirePermission } from "./session";
import { idSchema } from "@/lib/validation/ids";

/**
 * What every route handler with a body checks first, before the session is
 * even read: a mutation must come from our own pages (403 otherwise), and its
 * body must fit (413), whether it declares a length or is streamed without one
 * (chunked): that one is counted as it is read, so no parser ever sees more
 * than `maxBodyBytes` of it. Hands back the request to go on with, a copy when
 * the body had to be read (server/security/request-guard.ts `readBodyWithin`).
 */
export async function guardRequest<R extends Request>(
  request: R,
  maxBodyBytes = MAX_ROUTE_BODY_BYTES,
  options: { checkOrigin?: boolean } = {},
): Promise<{ refused: Response } | { request: R }> {
  const origin = options.checkOrigin === false ? null : checkOrigin(request, [env().SITE_URL, process.env.AUTH_URL]);
  if (origin) return { refused: refusalResponse(origin) };
  const read = await readBodyWithin(request, maxBodyBytes);
  return read instanceof Request ? { request: read } : { refused: refusalResponse(read) };
}

/**
 * Route handlers' counterpart of `action` (server/action.ts): refuse
 * cross-site mutations and oversized bodies, authorize, validate the path
 * parameters with zod, run, and turn any failure into a JSON error with the
 * right status and a message a person can read.
 */
export function route<S extends z.ZodType>(
  params: S,
  options: { permission: Permission; maxBodyBytes?: number },
  run: (input: z.infer<S>, user: PublicUser, request: Request) => Promise<Response>,
): (request: Request, context: { params: Promise<unknown> }) => Promise<Response> {
  return async (request, context) => {
    const guarded = await guardRequest(request, options.maxBodyBytes);
    if ("refused" in guarded) return guarded.refused;
    try {
      const user = await requirePermission(options.permission);
      const parsed = params.safeParse(await context.params);
      if (!parsed.success) throw new AppError("invalid:request", "That address is not valid.");
      return await run(parsed.data, user, guarded.request);
    } catch (error) {
      if (isAppError(error)) return Response.json({ error: error.message, code: error.code }, { status: error.status });
      console.error("[factdesk] unexpected error in a route handler", error);
      return Response.json({ error: "Something went wrong on our side. Try again in a moment.", code: "internal" }, { status: 500 });
    }
  };
}

/** An article id in a path: what newId() makes, with room to spare, nothing else. */
export const articleIdParam = z.object({ id: idSchema });
