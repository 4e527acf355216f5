import type { Metadata } from "next";
import { ImportAssistant } from "@/components/admin/import/ImportAssistant";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { editionChoiceLabel } from "@/lib/editions/edition-line";
import { listEditorOptions } from "@/lib/releases/admin-queries";

export const metadata: Metadata = { title: "导入稿件" };

export default async function ImportReleasePage() {
  const user = await requireStaffPage("/admin/releases/import");
  const options = await listEditorOptions(user);
  return (
    <div className="admin-page">
      <h1>导入稿件</h1>
      <ImportAssistant
        editions={options.editions.map((e) => ({ id: e.id, label: editionChoiceLabel(e) }))}
        categories={options.categories.map((c) => ({ id: c.id, label: c.name }))}
      />
    </div>
  );
}
