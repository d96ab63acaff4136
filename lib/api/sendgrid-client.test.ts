// The official client, unchanged, against Keyward: every body checked against SendGrid's OpenAPI file.
import client from "@sendgrid/client";
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { testProviders } from "@/lib/db/test-database";
import { createApiKey } from "@/lib/data/api-key-writes";
import { listApiKeys } from "@/lib/data/api-keys";
import { asUser, createAccount, createMember } from "@/lib/data/test-fixtures";
import { allGeneralScopes } from "@/lib/permissions/catalog";
import { componentSchema, responseSchema, validate } from "./testing/openapi";
import { type RunningApi, useApiServer } from "./testing/api-server";

const LIST = "/v3/api_keys";
const ONE = "/v3/api_keys/{api_key_id}";

function conforms(body: unknown, route: string, method: string, status: number) {
  expect(validate(responseSchema(route, method, status), body, true)).toEqual([]);
}

async function failure(promise: Promise<unknown>): Promise<{ code: number; body: unknown }> {
  try {
    await promise;
  } catch (error) {
    const { code, response } = error as { code: number; response: { body: unknown } };
    return { code, body: response.body };
  }
  throw new Error("expected the request to fail");
}

describe.each(testProviders)("@sendgrid/client against Keyward on %s", (provider) => {
  let db: PrismaClient;
  let api: RunningApi;
  useApiServer(provider, (server) => ({ db, api } = server));

  it("lists, creates, reads, renames, replaces scopes and deletes keys", async () => {
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    const page = asUser(db, owner.id, account.id);
    // The first key comes from the page, as on SendGrid.
    const first = await createApiKey(page, { name: "Full Access", type: "general", scopes: [...allGeneralScopes] });
    if (!first.ok) throw new Error(first.message);

    client.setApiKey(first.data.key);
    // setApiKey resets the base URL, so this must come after it.
    client.setDefaultRequest("baseUrl", api.url);

    const [listed, listBody] = await client.request({ method: "GET", url: LIST });
    expect(listed.statusCode).toBe(200);
    conforms(listBody, LIST, "get", 200);
    expect(listBody).toEqual({ result: [{ name: "Full Access", api_key_id: first.data.apiKey.id }] });

    const [created, createBody] = await client.request({
      method: "POST",
      url: LIST,
      body: { name: "My API Key", scopes: ["mail.send", "alerts.create", "alerts.read"] },
    });
    expect(created.statusCode).toBe(201);
    conforms(createBody, LIST, "post", 201);
    const { api_key_id: id, api_key: newKey } = createBody as { api_key_id: string; api_key: string };
    expect(createBody).toEqual({ api_key: newKey, api_key_id: id, name: "My API Key", scopes: ["alerts.create", "alerts.read", "mail.send"] });

    // The live service answers a plain object where the file's example wraps it in `result`: it
    // still conforms to the declared schema, and exactly to ApiKeyScopesResponse.
    const [read, readBody] = await client.request({ method: "GET", url: `${LIST}/${id}` });
    expect(read.statusCode).toBe(200);
    expect(validate(responseSchema(ONE, "get", 200), readBody)).toEqual([]);
    expect(validate(componentSchema("ApiKeyScopesResponse"), readBody, true)).toEqual([]);
    expect(readBody).toEqual({ api_key_id: id, name: "My API Key", scopes: ["alerts.create", "alerts.read", "mail.send"] });

    const [renamed, renameBody] = await client.request({ method: "PATCH", url: `${LIST}/${id}`, body: { name: "A New Hope" } });
    expect(renamed.statusCode).toBe(200);
    conforms(renameBody, ONE, "patch", 200);
    expect(renameBody).toEqual({ api_key_id: id, name: "A New Hope" });

    const [replaced, replaceBody] = await client.request({
      method: "PUT",
      url: `${LIST}/${id}`,
      body: { name: "Profiles key", scopes: ["user.profile.read", "user.profile.update"] },
    });
    expect(replaced.statusCode).toBe(200);
    // The file declares ApiKeyResponse for PUT and shows `scopes` in its example.
    expect(validate(responseSchema(ONE, "put", 200), replaceBody)).toEqual([]);
    expect(validate(componentSchema("ApiKeyScopesResponse"), replaceBody, true)).toEqual([]);
    expect(replaceBody).toEqual({ api_key_id: id, name: "Profiles key", scopes: ["user.profile.read", "user.profile.update"] });

    // The page sees the API's changes at once.
    const onPage = await listApiKeys(page);
    expect(onPage.ok && onPage.data.keys.find((key) => key.id === id)).toMatchObject({ name: "Profiles key" });

    const [deleted, deleteBody] = await client.request({ method: "DELETE", url: `${LIST}/${id}` });
    expect(deleted.statusCode).toBe(204);
    expect(deleteBody).toBe("");

    const gone = await failure(client.request({ method: "GET", url: `${LIST}/${id}` }));
    expect(gone.code).toBe(404);
    conforms(gone.body, ONE, "get", 404);
    const refused = await failure(client.request({ method: "POST", url: LIST, body: { name: "x", scopes: ["billing.read"] } }));
    expect(refused.code).toBe(400);
    conforms(refused.body, LIST, "post", 400);
    expect(refused.body).toEqual({ errors: [{ field: "scopes", message: "invalid or unassignable scopes were given" }] });

    client.setApiKey(newKey);
    client.setDefaultRequest("baseUrl", api.url);
    const revoked = await failure(client.request({ method: "GET", url: LIST }));
    expect(revoked.code).toBe(401);
    conforms(revoked.body, LIST, "get", 401);
  });
});
