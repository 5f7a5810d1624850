/**
 * The real sources the demo verdicts cite (shared/evidence/kratom-sources.md).
 * `quote` holds only passages checked word for word against public copies;
 * where no verbatim text was available the quote stays empty and the
 * rationale paraphrases instead.
 */
import type { CitationInput } from "@/db/queries/verdicts";

export type Source = Omit<CitationInput, "stance" | "quote" | "locator">;

export const FDA: Source = {
  url: "https://www.fda.gov/news-events/public-health-focus/fda-and-kratom",
  title: "FDA and Kratom",
  publisher: "U.S. Food and Drug Administration",
  publishedOn: null,
  kind: "agency",
  archiveUrl: null,
};

export const NIDA: Source = {
  url: "https://nida.nih.gov/research-topics/kratom",
  title: "Kratom",
  publisher: "National Institute on Drug Abuse",
  publishedOn: null,
  kind: "agency",
  archiveUrl: null,
};

export const MMWR: Source = {
  url: "https://www.cdc.gov/mmwr/volumes/68/wr/mm6814a2.htm",
  title: "Notes from the Field: Unintentional Drug Overdose Deaths with Kratom Detected — 27 States, July 2016–December 2017",
  publisher: "Centers for Disease Control and Prevention (MMWR 2019;68(14):326–327)",
  publishedOn: "2019-04-12",
  kind: "study",
  archiveUrl: null,
};

export const GARCIA_ROMEU: Source = {
  url: "https://doi.org/10.1016/j.drugalcdep.2020.107849",
  title: "Kratom (Mitragyna speciosa): User demographics, use patterns, and implications for the opioid epidemic",
  publisher: "Drug and Alcohol Dependence 2020;208:107849 (Garcia-Romeu et al.)",
  publishedOn: null,
  kind: "study",
  archiveUrl: null,
};

export const KRUEGEL_GRUNDMANN: Source = {
  url: "https://doi.org/10.1016/j.neuropharm.2017.08.026",
  title: "The medicinal chemistry and neuropharmacology of kratom: A preliminary discussion of a promising medicinal plant and analysis of its potential for abuse",
  publisher: "Neuropharmacology 2018;134:108–120 (Kruegel & Grundmann)",
  publishedOn: null,
  kind: "study",
  archiveUrl: null,
};

export const QUOTES = {
  receptors:
    "The plant's active alkaloid constituents, mitragynine and 7-hydroxymitragynine, have been shown to modulate opioid receptors, acting as partial agonists at mu-opioid receptors and competitive antagonists at kappa- and delta-opioid receptors.",
  survey:
    "1,144 (41%) used kratom to stop or reduce prescription or illicit opioid use, citing decreased opioid withdrawal and craving related to kratom use",
  deaths:
    "Kratom was determined to be a cause of death (i.e., kratom-involved) by a medical examiner or coroner for 91 (59.9%) of the 152 kratom-positive decedents, including seven for whom kratom was the only substance to test positive on postmortem toxicology, although the presence of additional substances cannot be ruled out.",
  dependence: "Some studies suggest kratom has potential for dependence and abuse",
} as const;

export const cite = (source: Source, stance: CitationInput["stance"], quote: string | null = null): CitationInput => ({ ...source, stance, quote, locator: null });

// The FDA Commissioner's statement of 6 February 2018, as quoted in the rationales below.
export const FDA_STATEMENT = "“There is no evidence to indicate that kratom is safe or effective for any medical use.”";
