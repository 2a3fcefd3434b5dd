// Checks each service's OpenAPI document (written by its build to <service>/target/openapi/openapi.yaml)
// with tools no one here wrote: swagger-parser (is it valid OpenAPI?) and Spectral with the
// spectral:oas and OWASP API Security Top 10 rulesets (errors fail the build, warnings are shown).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import SwaggerParser from "@apidevtools/swagger-parser";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const services = ["request-service", "program-service", "equipment-service", "reporting-service"];
let failed = false;

for (const service of services) {
  const document = join(root, service, "target", "openapi", "openapi.yaml");
  if (!existsSync(document)) {
    console.error(`${service}: ${document} is missing; build the service first (./mvnw package)`);
    failed = true;
    continue;
  }
  try {
    await SwaggerParser.validate(document);
  } catch (e) {
    console.error(`${service}: swagger-parser: not a valid OpenAPI document: ${e.message}`);
    failed = true;
  }
  let findings = [];
  try {
    const out = execFileSync(join(here, "node_modules", ".bin", "spectral"),
      ["lint", "-q", "-r", join(here, ".spectral.yaml"), "-f", "json", "--fail-severity", "error", document],
      { cwd: here, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    findings = JSON.parse(out || "[]");
  } catch (e) {
    // exit code 1 means "errors found": the JSON report is still on stdout
    findings = JSON.parse(e.stdout || "[]");
  }
  const errors = findings.filter((f) => f.severity === 0);
  const warnings = findings.filter((f) => f.severity === 1);
  const byRule = {};
  for (const w of warnings) byRule[w.code] = (byRule[w.code] || 0) + 1;
  console.log(`${service}: swagger-parser valid; Spectral: ${errors.length} errors, ${warnings.length} warnings ${JSON.stringify(byRule)}`);
  for (const e of errors) {
    console.error(`  ERROR ${e.code} at ${e.path.join(".")}: ${e.message}`);
  }
  if (errors.length > 0) failed = true;
}
process.exit(failed ? 1 : 0);
