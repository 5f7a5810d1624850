import { z } from "zod";

/** A row id as newId() (lib/ids.ts) makes one, with room to spare: what every action and route accepts as an id. */
export const idSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "That id is not valid.");
