// The line in the editor's bar that says where the typing is: saved, autosaved, pending, failed.

export const timeOf = (d: Date) => d.toLocaleTimeString("zh-CN", { hour12: false });

export const UNSAVED_STATUS = "有未保存的修改…";

export function autosaveStatus(result: { savedAt: string } | { message: string }): string {
  return "savedAt" in result
    ? `已自动保存 ${timeOf(new Date(result.savedAt))}`
    : `自动保存失败：${result.message}`;
}

export function savedStatus(version: number, pending: boolean, at = new Date()): string {
  return `${pending ? "已保存为待发布的修改" : "已保存"}（第 ${version} 版）${timeOf(at)}`;
}
