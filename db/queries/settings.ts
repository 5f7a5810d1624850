import "server-only";
import { eq } from "drizzle-orm";
import { getDatabase, type Db } from "../client";

/** Organisation settings with their defaults; stored values override them. */
export const SETTING_DEFAULTS = {
  organisationName: "Factdesk",
  approvalQuorum: "1",
} as const;
export type SettingKey = keyof typeof SETTING_DEFAULTS;

export async function getSetting(key: SettingKey, q?: Db): Promise<string> {
  const { db, t } = await getDatabase();
  const [row] = await (q ?? db).select().from(t.settings).where(eq(t.settings.key, key));
  return row?.value ?? SETTING_DEFAULTS[key];
}

export async function getApprovalQuorum(q?: Db): Promise<number> {
  const n = Number(await getSetting("approvalQuorum", q));
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

export async function putSetting(tx: Db, key: SettingKey, value: string): Promise<void> {
  const { t } = await getDatabase();
  await tx
    .insert(t.settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: t.settings.key, set: { value } });
}
