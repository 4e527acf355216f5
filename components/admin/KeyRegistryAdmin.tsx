import { FIGURE_KIND_LABELS } from "@/lib/figures/registry-schema";
import type { RegistryRow } from "@/lib/figures/registry-queries";
import { ApiForm } from "./ApiForm";

const KIND_OPTIONS = Object.entries(FIGURE_KIND_LABELS).map(([value, label]) => ({ value, label }));

/** The figure key registry: every key with its edit, rename and merge forms. */
export function KeyRegistryAdmin({ keys }: { keys: RegistryRow[] }) {
  return (
    <ul className="key-registry">
      {keys.map((k) => {
        const mergeTargets = keys.filter((o) => o.key !== k.key && o.baseUnit === k.baseUnit);
        return (
          <li key={k.key} className="panel key-registry__item" id={`key-${k.key}`}>
            <h2 className="key-registry__title">
              <code>{k.key}</code> {k.label}
            </h2>
            <p className="key-registry__meta">
              基本单位“{k.baseUnit}” · {FIGURE_KIND_LABELS[k.kind]} ·{" "}
              {k.higherIsBetter ? "越高越好" : "越低越好"} · {k.figureCount} 项数据
              {k.labelEn && ` · ${k.labelEn}`}
              {k.aliases.length > 0 && ` · 别名：${k.aliases.join("、")}`}
            </p>
            <details>
              <summary>编辑</summary>
              <ApiForm
                id={`key-${k.key}-edit`}
                url={`/api/admin/figure-keys/${k.key}`}
                method="PATCH"
                submitLabel="保存"
                fields={[
                  { name: "label", label: "中文名称", value: k.label },
                  { name: "labelEn", label: "英文名称（可选）", value: k.labelEn },
                  { name: "kind", label: "类型", type: "select", value: k.kind, options: KIND_OPTIONS },
                  {
                    name: "higherIsBetter",
                    label: "数值越高越好",
                    type: "checkbox",
                    value: k.higherIsBetter,
                  },
                  {
                    name: "baseUnit",
                    label: "基本单位",
                    value: k.baseUnit,
                    disabled: k.figureCount > 0,
                    hint: k.figureCount > 0 ? "已有数据使用此键，基本单位不能再改" : undefined,
                  },
                ]}
              />
            </details>
            <details>
              <summary>改名</summary>
              <ApiForm
                id={`key-${k.key}-rename`}
                url={`/api/admin/figure-keys/${k.key}/rename`}
                method="POST"
                submitLabel="改名"
                fields={[{ name: "to", label: "新的键名（小写字母、数字、下划线）", value: k.key }]}
              />
            </details>
            {mergeTargets.length > 0 && (
              <details>
                <summary>合并到另一个键</summary>
                <ApiForm
                  id={`key-${k.key}-merge`}
                  url={`/api/admin/figure-keys/${k.key}/merge`}
                  method="POST"
                  submitLabel="合并"
                  fields={[
                    {
                      name: "into",
                      label: `把“${k.key}”的数据并入`,
                      type: "select",
                      value: mergeTargets[0].key,
                      options: mergeTargets.map((o) => ({ value: o.key, label: `${o.key}（${o.label}）` })),
                      hint: "合并后本键的名称成为目标键的别名，本键从登记表中删除。",
                    },
                  ]}
                />
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
