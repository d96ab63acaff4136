import { z } from "zod";

// A message's delivery status, as SendGrid's Email Activity names them.
export const messageStatusSchema = z.enum(["processed", "delivered", "deferred", "bounced"]);
