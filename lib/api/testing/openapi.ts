// A small checker for the JSON-schema subset SendGrid's OpenAPI file uses (object, array, string,
// integer, nullable, required, $ref), so that responses are checked against the published
// description itself rather than against a copy of it. Test-only; no dependency.
import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "@/lib/db/repo-root";

type Schema = Record<string, unknown>;

const spec = JSON.parse(
  readFileSync(path.join(repoRoot(), "reference/sendgrid-oai/tsg_api_keys_v3.json"), "utf8"),
) as Schema;

function resolve(node: unknown): Schema {
  let current = node as Schema;
  for (let depth = 0; typeof current.$ref === "string"; depth++) {
    if (depth > 20) throw new Error("$ref cycle");
    const pointer = (current.$ref as string).replace(/^#\//, "").split("/");
    current = pointer.reduce<unknown>((at, part) => (at as Schema)[part], spec) as Schema;
    if (!current) throw new Error(`unresolved $ref ${String(node)}`);
  }
  return current;
}

/** The schema the file gives for a response; throws when the file has no such response. */
export function responseSchema(route: string, method: string, status: number): Schema | null {
  const operation = (spec.paths as Schema)[route] as Schema | undefined;
  const responses = (operation?.[method.toLowerCase()] as Schema | undefined)?.responses as Schema | undefined;
  const response = responses?.[String(status)];
  if (!response) throw new Error(`the OpenAPI file has no ${status} response for ${method} ${route}`);
  const content = (resolve(response).content as Schema | undefined)?.["application/json"] as Schema | undefined;
  return content ? resolve(content.schema) : null;
}

export function componentSchema(name: string): Schema {
  return resolve({ $ref: `#/components/schemas/${name}` });
}

/**
 * Problems found in `value` (empty when it conforms). `strict` also reports properties the schema
 * does not declare: a response carrying an extra field (a hash, say) should not pass silently.
 */
export function validate(schemaNode: unknown, value: unknown, strict = false, at = "$"): string[] {
  const schema = resolve(schemaNode);
  if (value === null) return schema.nullable ? [] : [`${at}: null is not allowed`];
  switch (schema.type) {
    case "object": {
      if (typeof value !== "object" || Array.isArray(value)) return [`${at}: expected an object`];
      const properties = (schema.properties ?? {}) as Record<string, unknown>;
      const record = value as Record<string, unknown>;
      const problems = ((schema.required ?? []) as string[])
        .filter((name) => !(name in record))
        .map((name) => `${at}.${name}: required`);
      for (const [name, item] of Object.entries(record)) {
        if (name in properties) problems.push(...validate(properties[name], item, strict, `${at}.${name}`));
        else if (strict) problems.push(`${at}.${name}: not in the schema`);
      }
      return problems;
    }
    case "array":
      if (!Array.isArray(value)) return [`${at}: expected an array`];
      return value.flatMap((item, index) => validate(schema.items, item, strict, `${at}[${index}]`));
    case "string":
      return typeof value === "string" ? [] : [`${at}: expected a string`];
    case "integer":
      return Number.isInteger(value) ? [] : [`${at}: expected an integer`];
    case undefined:
      return [];
    default:
      throw new Error(`unsupported schema type ${String(schema.type)}`);
  }
}
