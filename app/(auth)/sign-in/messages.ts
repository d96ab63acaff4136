// Neither says whether the e-mail has an account: unknown e-mails fail and are locked alike.
export const incorrectMessage = "Incorrect e-mail or password";
export const lockedMessage = "Too many failed sign-ins. Wait 15 minutes, then try again.";
