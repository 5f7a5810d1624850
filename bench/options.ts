/**
 * Command-line options of `npm run bench`: bare words pick suites, flags
 * scale the load suite down for quick runs.
 *   npm run bench -- load --articles 1000 --seconds 5 --parts public,search --dialects sqlite
 */
export const LOAD_PARTS = ["public", "feed", "mutations", "search", "scale"] as const;
export type LoadPart = (typeof LOAD_PARTS)[number];

export type BenchOptions = {
  suites: string[];
  articles: number;
  claims: number;
  /** Measured seconds per autocannon run and for the mutation window; warm-ups are a third of it. */
  seconds: number;
  connections: number;
  parts: LoadPart[];
  dialects: ("sqlite" | "postgres")[];
};

export function parseOptions(argv: string[]): BenchOptions {
  const flags = new Map<string, string>();
  const suites: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith("--")) {
      const [key, inline] = arg.slice(2).split("=", 2);
      flags.set(key!, inline ?? argv[++i] ?? "");
    } else suites.push(arg);
  }
  const known = new Set(["articles", "claims", "seconds", "connections", "parts", "dialects"]);
  for (const key of flags.keys()) if (!known.has(key)) throw new Error(`unknown option --${key} (known: ${[...known].join(", ")})`);
  const number = (key: string, fallback: number) => {
    const value = Number(flags.get(key) ?? fallback);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${key} needs a positive number`);
    return value;
  };
  const list = <T extends string>(key: string, allowed: readonly T[]): T[] => {
    const value = flags.get(key);
    if (!value) return [...allowed];
    const items = value.split(",").filter(Boolean);
    for (const item of items) if (!allowed.includes(item as T)) throw new Error(`--${key}: ${item} is not one of ${allowed.join(", ")}`);
    return items as T[];
  };
  const articles = Math.round(number("articles", 10_000));
  return {
    suites,
    articles,
    claims: Math.round(number("claims", articles * 10)),
    seconds: number("seconds", 10),
    connections: Math.round(number("connections", 50)),
    parts: list("parts", LOAD_PARTS),
    dialects: list("dialects", ["sqlite", "postgres"] as const),
  };
}

let parsedOnce: BenchOptions | undefined;
/** This process's command line (run.ts's arguments), parsed on first use so importing this module has no side effect. */
export function benchOptions(): BenchOptions {
  parsedOnce ??= parseOptions(process.argv.slice(2));
  return parsedOnce;
}
