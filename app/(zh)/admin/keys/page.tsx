import type { Metadata } from "next";
import { KeyRegistryAdmin } from "@/components/admin/KeyRegistryAdmin";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { listFigureKeys } from "@/lib/figures/registry-queries";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "数据键" };

export default async function KeysPage() {
  const user = await requireStaffPage("/admin/keys");
  if (!can(user, "figureKey.manage"))
    return (
      <p className="form-error" role="alert">
        只有发布人和管理员可以管理数据键。
      </p>
    );
  const keys = await listFigureKeys(user);
  return (
    <div className="admin-page">
      <h1>数据键登记表（{keys.length} 个）</h1>
      <p className="muted">
        同一个键的数据在历届之间比较。保存稿件时新键自动登记；基本单位与登记不同的数据会被拒绝。
      </p>
      <KeyRegistryAdmin keys={keys} />
    </div>
  );
}
