import { appOrigin } from "./config";
import type { OutgoingMessage } from "./send";

// Plain text only: nothing to render wrongly, nothing to track. Links carry one-time tokens, so
// they appear once each and nowhere else.

export function invitationMessage(input: { to: string; token: string; accountName: string; inviterName: string; validDays: number }): OutgoingMessage {
  const link = `${appOrigin()}/invite/${input.token}`;
  return {
    to: input.to,
    subject: `${input.inviterName} invited you to ${input.accountName} on Keyward`,
    text: [
      `${input.inviterName} invited you to join ${input.accountName} on Keyward, where the account's API keys are managed.`,
      "",
      `Accept the invitation: ${link}`,
      "",
      `The link works once and expires in ${input.validDays} days. If you did not expect this, ignore this message.`,
    ].join("\n"),
  };
}

export function passwordResetMessage(input: { to: string; token: string }): OutgoingMessage {
  const link = `${appOrigin()}/reset-password/${input.token}`;
  return {
    to: input.to,
    subject: "Reset your Keyward password",
    text: [
      "Someone asked to reset the password of your Keyward account.",
      "",
      `Choose a new password: ${link}`,
      "",
      "The link works once and expires in 1 hour. If it was not you, ignore this message: your password stays as it is.",
    ].join("\n"),
  };
}
