import type { Metadata } from "next";
import { ImportAssistant } from "@/components/admin/import/ImportAssistant";

export const metadata: Metadata = { title: "导入稿件" };

export default function ImportReleasePage() {
  return (
    <div className="admin-page">
      <h1>导入稿件</h1>
      <ImportAssistant />
    </div>
  );
}
