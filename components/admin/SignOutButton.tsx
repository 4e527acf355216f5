"use client";

import { clearDraftCopies } from "./draft-copies";

export function SignOutButton() {
  return (
    <button
      type="button"
      className="link-button"
      onClick={async () => {
        clearDraftCopies();
        // next-auth's client (13 KB gzipped) is needed only here: loaded on the click, not with every admin page.
        const { signOut } = await import("next-auth/react");
        await signOut({ callbackUrl: "/signin" });
      }}
    >
      退出登录
    </button>
  );
}
