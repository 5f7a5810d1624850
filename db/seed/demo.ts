/**
 * Demo data: the four demo accounts, the default rating scale and the five
 * kratom articles from fixtures/articles, left in different workflow states
 * so every screen has something to show:
 *
 * - "Managing Hair Loss During Opioid Withdrawal with Kratom": published, five approved claims
 *   (one went through a "changes requested" round first, so the history shows it);
 * - "Exploring the Impact on Insomnia During Withdrawal": awaiting approval;
 * - "Uncovering a Natural Solution: …": changes requested on one claim;
 * - "Exploring the Role of Kratom in Combating Opioid Withdrawal Symptoms": in review,
 *   open claims plus one excluded;
 * - "Understanding Kratom for Chronic Pain Relief": a draft with no claims.
 *
 * Everything goes through db/queries, exactly as the app would, so the audit
 * trail, versions and statuses are real; the articles come in through the
 * file import a reviewer's upload uses (demo-articles.ts). Verdicts cite only the sources in
 * shared/evidence/kratom-sources.md and say no more than those sources
 * support; quoted passages are verbatim from them. Run by scripts/seed.ts.
 */
import { DEMO_ACCOUNTS } from "./demo-accounts";
import { createClaim, getClaimByIdOrThrow, updateClaim, type Claim } from "@/db/queries/claims";
import { publishArticle } from "@/db/queries/publications";
import { ensureDefaultRatings, listRatings } from "@/db/queries/ratings";
import { reviewVerdict } from "@/db/queries/reviews";
import { countUsers, type PublicUser } from "@/db/queries/users";
import { proposeVerdict, type CitationInput, type Verdict } from "@/db/queries/verdicts";
import { forgetPendingArchives } from "@/db/queries/citation-archives";
import { fromUtf16 } from "@/lib/anchoring/text";
import { ARTICLES, importDemoArticle as importArticle, type ImportedArticle } from "./demo-articles";
import { cite, FDA, FDA_STATEMENT, GARCIA_ROMEU, KRUEGEL_GRUNDMANN, MMWR, NIDA, QUOTES } from "./demo-sources";
import { seedUsers } from "./users";

/** Highlights `exact` (which must occur exactly once) the way the UI would: code-point offsets into the canonical text. */
async function claim(target: ImportedArticle, exact: string, statement: string, user: PublicUser): Promise<Claim> {
  const at = target.text.indexOf(exact);
  if (at === -1) throw new Error(`Demo seed: "${exact.slice(0, 60)}…" is not in "${target.article.title}"`);
  if (target.text.indexOf(exact, at + 1) !== -1) throw new Error(`Demo seed: "${exact.slice(0, 60)}…" occurs twice in "${target.article.title}"`);
  const start = fromUtf16(target.text, at);
  const end = fromUtf16(target.text, at + exact.length);
  return createClaim({ articleId: target.article.id, versionId: target.article.currentVersionId!, start, end, exact, statement, userId: user.id });
}

// ---------------------------------------------------------------------------

export type SeedResult = { seeded: boolean; articles: number; claims: number };

/**
 * Seeds an empty database with the demo. Does nothing when any user exists,
 * so re-running `npm run demo` keeps whatever was done in the previous session.
 */
export async function seedDemo(): Promise<SeedResult> {
  if ((await countUsers()) > 0) return { seeded: false, articles: 0, claims: 0 };
  const [reviewer, editor, editor2] = await seedUsers(DEMO_ACCOUNTS);
  if (!reviewer || !editor || !editor2) throw new Error("Demo seed: DEMO_ACCOUNTS must list a reviewer and two editors first");
  await ensureDefaultRatings();
  const ratings = new Map((await listRatings()).map((r) => [r.label, r.id]));
  const rating = (label: string): string => {
    const id = ratings.get(label);
    if (!id) throw new Error(`Demo seed: the rating scale has no "${label}"`);
    return id;
  };

  let claimCount = 0;
  const addClaim = async (target: ImportedArticle, exact: string, statement: string) => {
    claimCount++;
    return claim(target, exact, statement, reviewer);
  };
  const propose = async (c: Claim, label: string, rationale: string, citations: CitationInput[]): Promise<Verdict> => {
    const current = await getClaimByIdOrThrow({ id: c.id });
    return proposeVerdict({ claimId: c.id, claimVersion: current.version, ratingId: rating(label), rationale, citations, userId: reviewer.id });
  };
  const approve = (verdict: Verdict, comment: string, by: PublicUser = editor) =>
    reviewVerdict({ verdictId: verdict.id, decision: "approved", comment, editorId: by.id });
  const requestChanges = (verdict: Verdict, comment: string, by: PublicUser = editor2) =>
    reviewVerdict({ verdictId: verdict.id, decision: "changes_requested", comment, editorId: by.id });

  // --- 1. Published: five claims, every verdict approved --------------------
  const hairLoss = await importArticle(ARTICLES.hairLoss, reviewer);

  const mechanism = await addClaim(
    hairLoss,
    "It contains active compounds that interact with opioid receptors in the brain, offering pain-relieving and mood-boosting effects.",
    "Kratom contains compounds that act on opioid receptors in the brain.",
  );
  await approve(
    await propose(
      mechanism,
      "Mostly accurate",
      [
        "The mechanism is well documented. A review of kratom's pharmacology (Kruegel & Grundmann, *Neuropharmacology*, 2018) reports that its main alkaloids, **mitragynine** and **7-hydroxymitragynine**, act at opioid receptors — as partial agonists at mu-opioid receptors.",
        "The second half of the sentence goes further than that evidence. Activity at a receptor in laboratory studies does not show that kratom relieves pain or lifts mood in people: the FDA has said there is no evidence that kratom is safe or effective for any medical use, and the National Institute on Drug Abuse describes research on its benefits and risks as limited.",
        "**Mostly accurate:** kratom's compounds do act on opioid receptors; the benefits the article attaches to that are not established.",
      ].join("\n\n"),
      [cite(KRUEGEL_GRUNDMANN, "supports", QUOTES.receptors), cite(FDA, "context"), cite(NIDA, "context")],
    ),
    "Agree. The rationale separates the mechanism from the benefit claim clearly.",
  );

  const withdrawal = await addClaim(
    hairLoss,
    "Studies suggest kratom’s effectiveness in mitigating these symptoms, providing much-needed support during the detoxification process.",
    "Studies show kratom is effective at easing opioid withdrawal symptoms.",
  );
  await approve(
    await propose(
      withdrawal,
      "Unsupported",
      [
        "The article names no study, and we found no controlled clinical trial showing that kratom eases opioid withdrawal.",
        `The FDA has warned sellers who market kratom as a treatment for opioid addiction or withdrawal, and its Commissioner said on 6 February 2018: ${FDA_STATEMENT}`,
        "The evidence most often cited for the claim is a survey: Garcia-Romeu and colleagues (2020) asked 2,798 kratom users about their use, and 41% said they had used it to stop or reduce opioid use, reporting less withdrawal and craving. Those are **self-reports** from people who chose kratom, with no comparison group, so they describe experiences rather than show that kratom works.",
        "**Unsupported:** no reliable evidence shows kratom is effective for opioid withdrawal.",
      ].join("\n\n"),
      [cite(FDA, "refutes"), cite(GARCIA_ROMEU, "context", QUOTES.survey)],
    ),
    "Approved. Good that the survey is presented as context, not as proof either way.",
  );

  const hair = await addClaim(
    hairLoss,
    "Research suggests that kratom may help reduce hair loss associated with opioid cessation.",
    "Research suggests kratom can reduce hair loss during opioid withdrawal.",
  );
  const firstTry = await propose(
    hair,
    "Inaccurate",
    "No study shows that kratom reduces hair loss, so the claim is false.",
    [cite(NIDA, "context")],
  );
  await requestChanges(
    firstTry,
    "We have found no evidence for the claim, but none against it either: that makes it Unsupported, not Inaccurate. Please also say where we looked.",
  );
  await approve(
    await propose(
      hair,
      "Unsupported",
      [
        "We found **no clinical study** of kratom and hair loss, during opioid withdrawal or otherwise, and the article cites none.",
        "The pharmacology research on kratom (Kruegel & Grundmann, 2018) describes how its alkaloids act on opioid receptors; it says nothing about hair. The National Institute on Drug Abuse describes research on kratom's benefits and risks as limited.",
        "With no evidence either way, the honest rating is **Unsupported**: the research the article invokes has not been done, as far as we could find.",
      ].join("\n\n"),
      [cite(NIDA, "context"), cite(KRUEGEL_GRUNDMANN, "context")],
    ),
    "Thanks for the revision: Unsupported is the right call.",
  );

  const sideEffects = await addClaim(
    hairLoss,
    "Long-term use or misuse of kratom may lead to adverse effects such as hair loss, increased heart rate, and potential addiction.",
    "Long-term kratom use can cause hair loss, faster heart rate and addiction.",
  );
  await approve(
    await propose(
      sideEffects,
      "Mostly accurate",
      [
        "Two of the three risks are documented. The National Institute on Drug Abuse lists an increased heart rate among the effects people report, and says dependence and withdrawal can occur. A CDC report on overdose deaths notes that some studies suggest kratom has potential for dependence and abuse.",
        "We found no study linking kratom to **hair loss**, so that part of the sentence is unsupported.",
        "**Mostly accurate:** the heart-rate and addiction risks are real; the hair-loss risk is not established.",
      ].join("\n\n"),
      [cite(NIDA, "supports"), cite(MMWR, "supports", QUOTES.dependence)],
    ),
    "Approved.",
    editor2,
  );

  const notACure = await addClaim(
    hairLoss,
    "However, it’s essential to note that while kratom may provide some relief, it is not a cure for opioid addiction.",
    "Kratom is not a cure for opioid addiction.",
  );
  await approve(
    await propose(
      notACure,
      "Accurate",
      [
        `Kratom has no FDA-approved use. The FDA has warned sellers that market it as a treatment for opioid addiction or withdrawal, and its Commissioner said on 6 February 2018: ${FDA_STATEMENT}`,
        "The \"some relief\" the sentence mentions rests on users' own reports, such as the 2020 survey by Garcia-Romeu and colleagues, not on clinical trials.",
        "**Accurate:** nothing shows kratom cures opioid addiction.",
      ].join("\n\n"),
      [cite(FDA, "supports"), cite(GARCIA_ROMEU, "context", QUOTES.survey)],
    ),
    "Approved.",
  );

  await publishArticle({
    articleId: hairLoss.article.id,
    summary:
      "We checked five claims in this article about kratom and opioid withdrawal. It is largely right that kratom's compounds act on opioid receptors, and right that kratom is not a cure for addiction. But its claims that studies show kratom eases withdrawal, and that research shows it reduces hair loss, are unsupported: we found no controlled trial for the first and no study at all for the second.",
    editorId: editor.id,
    // The article's central promises (studies show withdrawal relief, research shows less hair loss) have no evidence behind them.
    headlineRatingId: rating("Unsupported"),
  });

  // --- 2. Awaiting approval: every claim has a proposed verdict -------------
  const insomnia = await importArticle(ARTICLES.insomnia, reviewer);
  await propose(
    await addClaim(
      insomnia,
      "This herbal supplement has gained attention as a potential treatment for opioid withdrawal, offering a safe and holistic approach.",
      "Kratom is a safe, holistic treatment for opioid withdrawal.",
    ),
    "Misleading",
    [
      `Calling kratom "safe" leaves a false impression. The FDA's Commissioner said on 6 February 2018: ${FDA_STATEMENT} The agency says kratom has opioid properties and should not be used as an alternative to prescription opioids.`,
      "CDC data show the risk is not theoretical: of 27,338 overdose deaths in 27 states (July 2016–December 2017), 152 tested positive for kratom, and a medical examiner or coroner judged kratom a cause of death in 91 of them. In most of those deaths other substances were present too, so the data show risk, not how often kratom alone kills.",
      "Many users do report using kratom to cut down on opioids (Garcia-Romeu et al., 2020), but a survey of users cannot establish that it is safe or effective.",
    ].join("\n\n"),
    [cite(FDA, "refutes"), cite(MMWR, "refutes", QUOTES.deaths), cite(GARCIA_ROMEU, "context", QUOTES.survey)],
  );
  await propose(
    await addClaim(
      insomnia,
      "It acts as an agonist at opioid receptors, offering similar pain-relieving effects to traditional opioids but with a lower risk of addiction and dependence.",
      "Kratom relieves pain like opioids but with a lower risk of addiction and dependence.",
    ),
    "Unsupported",
    [
      "The first part holds: kratom's main alkaloids are partial agonists at mu-opioid receptors (Kruegel & Grundmann, 2018).",
      "The rest does not. We found no clinical trial comparing kratom's pain relief or its addiction risk with those of opioids. The National Institute on Drug Abuse says dependence and withdrawal can occur with kratom, and a CDC report notes that some studies suggest it has potential for dependence and abuse.",
    ].join("\n\n"),
    [cite(KRUEGEL_GRUNDMANN, "context", QUOTES.receptors), cite(NIDA, "refutes"), cite(MMWR, "context", QUOTES.dependence)],
  );
  await propose(
    await addClaim(
      insomnia,
      "Its active compounds, mitragynine and 7-hydroxymitragynine, interact with opioid receptors in the brain and body",
      "Kratom's alkaloids mitragynine and 7-hydroxymitragynine act on opioid receptors.",
    ),
    "Accurate",
    "A review of kratom's pharmacology (Kruegel & Grundmann, 2018) reports that **mitragynine** and **7-hydroxymitragynine** act at opioid receptors. This verdict covers only the highlighted part; what the sentence goes on to say about euphoria and sedation is not part of this claim.",
    [cite(KRUEGEL_GRUNDMANN, "supports", QUOTES.receptors)],
  );

  // --- 3. Changes requested on one claim, the other approved ----------------
  const symptoms = await importArticle(ARTICLES.symptoms, reviewer);
  await approve(
    await propose(
      await addClaim(
        symptoms,
        "Research suggests that kratom interacts with the same opioid receptors in the brain as traditional opioids but with less potent effects, potentially reducing withdrawal-related distress.",
        "Kratom acts on the same opioid receptors as traditional opioids, with weaker effects.",
      ),
      "Mostly accurate",
      [
        "Kratom's main alkaloids do act at the mu-opioid receptor, the main target of traditional opioids, as partial agonists (Kruegel & Grundmann, 2018).",
        "That supports the mechanism. It does not show that kratom reduces withdrawal-related distress in people: the FDA says there is no evidence that kratom is safe or effective for any medical use.",
      ].join("\n\n"),
      [cite(KRUEGEL_GRUNDMANN, "supports", QUOTES.receptors), cite(FDA, "context")],
    ),
    "Approved: the mechanism is right and the rationale is careful about the rest.",
  );
  await requestChanges(
    await propose(
      await addClaim(
        symptoms,
        "By understanding its effects and proper usage, individuals seeking alternatives to conventional medications can explore kratom as a safer, more holistic approach to withdrawal.",
        "Kratom is a safer approach to opioid withdrawal than conventional medications.",
      ),
      "Unsupported",
      `No study shows kratom is safer than approved treatments for opioid withdrawal. The FDA's Commissioner said on 6 February 2018: ${FDA_STATEMENT}`,
      [cite(FDA, "refutes")],
    ),
    "This is a safety claim, so cite the safety evidence: add the CDC report on overdose deaths with kratom detected. With that, consider Misleading rather than Unsupported — \"safer\" invites readers to take risks the evidence warns about.",
  );

  // --- 4. In review: open claims, one excluded (the import left its spam line out)
  const news = await importArticle(ARTICLES.news, reviewer);
  await addClaim(news, "Kratom contains alkaloids that interact with the opioid receptors in the brain.", "Kratom contains alkaloids that act on opioid receptors in the brain.");
  const nidaSays = await addClaim(
    news,
    "The National Institute on Drug Abuse (NIDA) states that kratom can produce side effects such as nausea, itching, sweating, and increased heart rate.",
    "NIDA says kratom can cause nausea, itching, sweating and a faster heart rate.",
  );
  // The article reports what an agency says: the claim is the agency's, not the article author's.
  await updateClaim({
    id: nidaSays.id,
    version: nidaSays.version,
    claimant: { claimantName: NIDA.publisher, claimantKind: "organization", claimantRole: null, appearanceUrl: NIDA.url, appearanceDate: null },
    userId: reviewer.id,
  });
  await addClaim(news, "Long-term use of kratom may also lead to addiction, liver damage, and other health complications.", "Long-term kratom use can lead to addiction and liver damage.");
  const advice = await addClaim(
    news,
    "Considering the current lack of scientific evidence and the potential risks associated with kratom use, it is crucial to consult with a healthcare professional before using it as a tool for managing opioid withdrawal symptoms.",
    "Readers should consult a healthcare professional before using kratom for withdrawal.",
  );
  await updateClaim({ id: advice.id, version: advice.version, excluded: { reason: "Advice to readers, not a factual claim that can be checked." }, userId: reviewer.id });

  // --- 5. Draft: imported, nothing highlighted yet ---------------------------
  await importArticle(ARTICLES.chronicPain, reviewer);

  // The demo runs offline: its citations say honestly that they were not archived, rather than each waiting
  // for a fetch of a real site that cannot be reached from here.
  await forgetPendingArchives();

  return { seeded: true, articles: Object.keys(ARTICLES).length, claims: claimCount };
}
