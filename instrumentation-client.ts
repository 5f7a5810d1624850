/**
 * Runs in the browser before any page code (Next's client instrumentation
 * hook). Zod compiles object schemas with `new Function` unless told not to,
 * and probes for it when a schema is constructed; under our CSP (no
 * 'unsafe-eval', see server/security/csp.ts) the probe is caught but still
 * reported as a violation. Schemas built at module load in page chunks would
 * probe before any component could opt out, hence here.
 */
import { config } from "zod";

config({ jitless: true });
