import type { Metadata } from "next";
import { RatingScaleAdmin } from "@/components/admin/rating-scale-admin";
import { Forbidden } from "@/components/desk/forbidden";
import { listRatingsWithUse } from "@/db/queries/ratings";
import { requirePageUser } from "@/server/session";

export const metadata: Metadata = { title: "Rating scale" };

/** Rating scale administration (admins only; every action checks again on its own). */
export default async function RatingScalePage() {
  const { allowed } = await requirePageUser("manage:organisation", "/admin/rating-scale");
  if (!allowed) return <Forbidden what="Only admins can change the rating scale." />;
  return (
    <main id="main" className="page" style={{ maxWidth: 1040 }}>
      <RatingScaleAdmin ratings={await listRatingsWithUse()} />
    </main>
  );
}
