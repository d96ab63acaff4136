/**
 * A dynamic segment of the URL as text, at most `maxLength` characters, or null when it is not
 * valid percent-encoding ("/settings/email_activity/%E0%A4%A"): such a link names nothing, so
 * its page answers "not found", never a 500.
 */
export function decodedParam(value: string, maxLength: number): string | null {
  try {
    return decodeURIComponent(value).slice(0, maxLength);
  } catch {
    return null;
  }
}
