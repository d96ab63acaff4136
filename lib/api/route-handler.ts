import type { PrismaClient } from "@/lib/db/create-client";
import type { ApiCaller } from "@/lib/data/api-auth";
import type { DataContext } from "@/lib/data/context";
import type { ApiResponse } from "./responses";

export interface RouteInput {
  db: PrismaClient;
  caller: ApiCaller;
  /** The caller acting as itself in lib/data, which checks its scopes again. */
  ctx: DataContext;
  /** Raw path parameters, still percent-encoded: handlers decode and validate them. */
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

export type RouteHandler = (input: RouteInput) => Promise<ApiResponse>;
