import { redirect } from "next/navigation";
import type { Actor } from "./actor";
import { getCurrentUser } from "./current-user";

/** For admin pages: the signed-in staff member, or off to the sign-in page. (Pages render alongside their layout, so each checks.) */
export async function requireStaffPage(returnTo = "/admin"): Promise<Actor> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
