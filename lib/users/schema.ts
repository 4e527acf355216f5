import { z } from "zod";

export const passwordSchema = z.string().min(10, "密码至少 10 个字符").max(200, "密码过长");

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("请填写有效的邮箱地址"),
  name: z.string().trim().min(1, "请填写姓名").max(60, "姓名最多 60 个字符"),
  role: z.enum(["admin", "publisher", "editor"], { message: "请选择角色" }),
  password: passwordSchema,
});

export const updateUserSchema = z.object({
  role: z.enum(["admin", "publisher", "editor"]).optional(),
  active: z.boolean().optional(),
  password: passwordSchema.optional(),
  name: z.string().trim().min(1).max(60).optional(),
});
