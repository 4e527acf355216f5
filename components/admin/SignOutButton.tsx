"use client";

import { signOut } from "next-auth/react";
import { clearDraftCopies } from "./draft-copies";

export function SignOutButton() {
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => {
        clearDraftCopies();
        void signOut({ callbackUrl: "/signin" });
      }}
    >
      退出登录
    </button>
  );
}
