import { test as setup } from "@playwright/test";
import { signIn } from "./support/sign-in.ts";
import { owner, ownerStorageState } from "./support/users.ts";

// Signs in once through the real form; every journey starts from this saved session.
setup("sign in as the demo owner", async ({ page }) => {
  await signIn(page, owner);
  await page.context().storageState({ path: ownerStorageState });
});
