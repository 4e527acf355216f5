import type { Metadata } from "next";
import { NewReleaseForm } from "@/components/admin/NewReleaseForm";

export const metadata: Metadata = { title: "新建稿件" };

export default function NewReleasePage() {
  return (
    <div className="admin-page admin-page--narrow">
      <h1>新建稿件</h1>
      <NewReleaseForm />
    </div>
  );
}
