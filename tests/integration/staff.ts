import crypto from "node:crypto";
import { SYSTEM_ACTOR, type Actor } from "@/lib/auth/actor";
import { createUser } from "@/lib/users/user-mutations";
import { createRelease } from "@/lib/releases/create-release";

export const PASSWORD = "correct-horse-battery";

/** A staff member of the given role with a unique email, as the domain functions take it. */
export async function createStaff(role: "admin" | "publisher" | "editor"): Promise<Actor> {
  const email = `${role}-${crypto.randomBytes(4).toString("hex")}@test.example`;
  const user = await createUser(SYSTEM_ACTOR, { email, name: `${role} 测试`, role, password: PASSWORD });
  return { id: user.id, email: user.email, name: user.name, role: user.role, ip: "127.0.0.1" };
}

export function releaseInput(over: Record<string, unknown> = {}) {
  const slug = `t-${crypto.randomBytes(5).toString("hex")}`;
  return {
    title: `测试稿件 ${slug}`,
    slug,
    summary: "摘要",
    body: "<p>共促成合作签约项目587个,投资总额3425亿元。</p>",
    tags: ["测试"],
    figures: [
      {
        key: "signed_projects",
        label: "合作签约项目",
        value: "587",
        unit: "个",
        highlighted: true,
        sourceText: "共促成合作签约项目587个",
        mention: "587个",
      },
      {
        key: "signed_investment",
        label: "投资总额",
        value: "3425",
        unit: "亿元",
        sourceText: "投资总额3425亿元",
        mention: "3425亿元",
      },
    ],
    ...over,
  };
}

export async function createDraft(actor: Actor, over: Record<string, unknown> = {}) {
  return createRelease(actor, releaseInput(over));
}
