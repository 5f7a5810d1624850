import { siteUrl } from "@/server/env";
import { publicFactCheckBySlug } from "@/server/public-cache";
import { factCheckJson, jsonError, jsonResponse, preflight } from "../public-json";

/** GET /api/public/fact-checks/<slug>: one live fact-check with its claims, verdicts, citations and corrections. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  try {
    const factCheck = await publicFactCheckBySlug(slug);
    if (!factCheck) return jsonError("No published fact-check has this address.", 404);
    return jsonResponse(request, factCheckJson(siteUrl(), factCheck));
  } catch (error) {
    console.error("[factdesk] public API detail failed", error);
    return jsonError("The fact-check could not be loaded. Try again in a moment.", 500);
  }
}

export const OPTIONS = preflight;
