import { getDatabase } from "@/db/client";

export const dynamic = "force-dynamic";

/** Liveness plus migration state, for load balancers and the test harness. */
export async function GET() {
  try {
    const database = await getDatabase();
    const migrations = await database.migrations();
    const upToDate = migrations.applied >= migrations.expected;
    return Response.json(
      { status: upToDate ? "ok" : "migrations_pending", dialect: database.dialect, migrations: { ...migrations, upToDate } },
      { status: upToDate ? 200 : 503 },
    );
  } catch (error) {
    console.error("[factdesk] health check failed", error);
    return Response.json({ status: "error", error: "Database unavailable" }, { status: 503 });
  }
}
