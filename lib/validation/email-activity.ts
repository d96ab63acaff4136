import { z } from "zod";
import { messageStatusSchema } from "./message-status";

// The Email Activity page's search parameters: untrusted, so anything odd is simply dropped.
export interface EmailActivitySearchParams {
  q?: string | string[];
  key?: string | string[];
  status?: string | string[];
  page?: string | string[];
}

const text = z.string().trim().max(320);

export function emailActivityQueryFrom(params: EmailActivitySearchParams) {
  const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const search = text.safeParse(one(params.q));
  const keyId = z.string().max(64).safeParse(one(params.key));
  const status = messageStatusSchema.safeParse(one(params.status));
  const page = z.coerce.number().int().min(1).max(100_000).safeParse(one(params.page));
  return {
    search: search.success && search.data ? search.data : undefined,
    keyId: keyId.success && keyId.data ? keyId.data : undefined,
    status: status.success ? status.data : undefined,
    page: page.success ? page.data : undefined,
  };
}
