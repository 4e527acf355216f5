"use client";

import { useState } from "react";
import { ROLE_LABELS } from "@/lib/permissions";
import { callApi } from "./api-client";

type Role = "admin" | "publisher" | "editor";
interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
}

export function UserAdmin({ users, selfId }: { users: UserRow[]; selfId: string }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");

  async function create(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget));
    const result = await callApi("/api/admin/users", "POST", form);
    if (result.ok) window.location.reload();
    else {
      setErrors(result.error.fields);
      setMessage(result.error.message);
    }
  }
  async function update(id: string, patch: Record<string, unknown>) {
    const result = await callApi(`/api/admin/users/${id}`, "PATCH", patch);
    if (result.ok) window.location.reload();
    else setMessage(result.error.message);
  }

  return (
    <>
      {message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">姓名</th>
            <th scope="col">邮箱</th>
            <th scope="col">角色</th>
            <th scope="col">状态</th>
            <th scope="col">
              <span className="visually-hidden">操作</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>
                <select
                  aria-label={`${u.name} 的角色`}
                  value={u.role}
                  disabled={u.id === selfId}
                  onChange={(e) => update(u.id, { role: e.target.value })}
                >
                  {(Object.keys(ROLE_LABELS) as Role[]).map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABELS[r]}
                    </option>
                  ))}
                </select>
              </td>
              <td>{u.active ? "正常" : "已停用"}</td>
              <td>
                {u.id !== selfId && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => update(u.id, { active: !u.active })}
                  >
                    {u.active ? "停用" : "启用"}
                  </button>
                )}{" "}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    const p = window.prompt("新密码（至少 10 个字符）");
                    if (p) void update(u.id, { password: p });
                  }}
                >
                  重设密码
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="panel" onSubmit={create} noValidate>
        <h2>添加用户</h2>
        {(["name", "email", "password"] as const).map((f) => (
          <label key={f} className={errors[f] ? "field field--error" : "field"}>
            <span>{{ name: "姓名", email: "邮箱", password: "初始密码（至少 10 个字符）" }[f]}</span>
            <input
              name={f}
              type={f === "password" ? "password" : f === "email" ? "email" : "text"}
              autoComplete="off"
            />
            {errors[f] && <em className="field-error">{errors[f]}</em>}
          </label>
        ))}
        <label className="field">
          <span>角色</span>
          <select name="role" defaultValue="editor">
            {(Object.keys(ROLE_LABELS) as Role[]).map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          添加
        </button>
      </form>
    </>
  );
}
