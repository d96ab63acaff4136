// A small checker for the JSON-schema subset SendGrid's OpenAPI files use (object, array, string,
// integer, nullable, required, $ref, enum, minimum/maximum, minLength/maxLength, pattern, and the
// formats email and ipv4), so that responses are checked against the published descriptions
// themselves rather than against a copy of them. Test-only; no dependency.
import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "@/lib/db/repo-root";

type Schema = Record<string, unknown>;

/** One of SendGrid's OpenAPI files in reference/sendgrid-oai (MIT, see its LICENSE). */
export interface OpenApiFile {
  responseSchema(route: string, method: string, status: number): Schema | null;
  componentSchema(name: string): Schema;
  /**
   * Problems found in `value` (empty when it conforms). `strict` also reports properties the
   * schema does not declare: a response carrying an extra field (a hash, say) should not pass
   * silently.
   */
  validate(schemaNode: unknown, value: unknown, strict?: boolean, at?: string): string[];
}

export function openApiFile(name: string): OpenApiFile {
  const spec = JSON.parse(readFileSync(path.join(repoRoot(), "reference/sendgrid-oai", name), "utf8")) as Schema;

  function resolve(node: unknown): Schema {
    let current = node as Schema;
    for (let depth = 0; typeof current.$ref === "string"; depth++) {
      if (depth > 20) throw new Error("$ref cycle");
      const ref = current.$ref;
      const pointer = ref.replace(/^#\//, "").split("/");
      // A $ref beside other keywords (SendGrid writes `"type": "string", "$ref": …`) adds to them.
      const { $ref: _, ...siblings } = current;
      const target = pointer.reduce<unknown>((at, part) => (at as Schema)[part], spec) as Schema;
      if (!target) throw new Error(`unresolved $ref ${ref}`);
      current = { ...siblings, ...target };
    }
    return current;
  }

  function validate(schemaNode: unknown, value: unknown, strict = false, at = "$"): string[] {
    const schema = resolve(schemaNode);
    if (value === null) return schema.nullable ? [] : [`${at}: null is not allowed`];
    if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} is not one of ${schema.enum.join(", ")}`];
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
        return typeof value === "string" ? stringProblems(schema, value, at) : [`${at}: expected a string`];
      case "integer":
        if (!Number.isInteger(value)) return [`${at}: expected an integer`];
        if (typeof schema.minimum === "number" && (value as number) < schema.minimum) return [`${at}: ${String(value)} is below ${schema.minimum}`];
        if (typeof schema.maximum === "number" && (value as number) > schema.maximum) return [`${at}: ${String(value)} is above ${schema.maximum}`];
        return [];
      case undefined:
        return [];
      default:
        throw new Error(`unsupported schema type ${String(schema.type)}`);
    }
  }

  return {
    responseSchema(route, method, status) {
      const operation = (spec.paths as Schema)[route] as Schema | undefined;
      const responses = (operation?.[method.toLowerCase()] as Schema | undefined)?.responses as Schema | undefined;
      const response = responses?.[String(status)];
      if (!response) throw new Error(`${name} has no ${status} response for ${method} ${route}`);
      const content = (resolve(response).content as Schema | undefined)?.["application/json"] as Schema | undefined;
      return content ? resolve(content.schema) : null;
    },
    componentSchema: (component) => resolve({ $ref: `#/components/schemas/${component}` }),
    validate,
  };
}

// What the two formats SendGrid's files use mean here: one address, and dotted-quad IPv4.
const formats: Record<string, RegExp> = {
  email: /^[^\s@,<>]+@[^\s@,<>]+$/,
  ipv4: /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/,
};

function stringProblems(schema: Schema, value: string, at: string): string[] {
  const problems: string[] = [];
  const length = [...value].length;
  if (typeof schema.minLength === "number" && length < schema.minLength) problems.push(`${at}: shorter than ${schema.minLength}`);
  if (typeof schema.maxLength === "number" && length > schema.maxLength) problems.push(`${at}: longer than ${schema.maxLength}`);
  if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value)) problems.push(`${at}: does not match ${schema.pattern}`);
  const format = typeof schema.format === "string" ? formats[schema.format] : undefined;
  if (format && !format.test(value)) problems.push(`${at}: not a valid ${String(schema.format)}`);
  return problems;
}

// The API keys file, as the existing tests use it.
const apiKeys = openApiFile("tsg_api_keys_v3.json");
export const responseSchema = apiKeys.responseSchema;
export const componentSchema = apiKeys.componentSchema;
export const validate = apiKeys.validate;
