import type { AdminEvent } from "@/lib/editions/admin-queries";
import { ApiForm, type FormField } from "./ApiForm";

type Edition = AdminEvent["editions"][number];

const eventFields = (e?: AdminEvent): FormField[] => [
  { name: "name", label: "名称", value: e?.name },
  { name: "slug", label: "别名（网址用，小写字母、数字、连字符）", value: e?.slug },
  { name: "nameEn", label: "英文名称（可选）", value: e?.nameEn },
];

const editionFields = (e?: Edition): FormField[] => [
  { name: "year", label: "年份", type: "number", value: e?.year },
  { name: "ordinal", label: "第几届（可选）", type: "number", value: e?.ordinal },
  { name: "startDate", label: "开始日期", type: "date", value: e?.startDate },
  { name: "endDate", label: "结束日期", type: "date", value: e?.endDate },
  { name: "city", label: "举办城市", value: e?.city },
  { name: "theme", label: "主题（可选）", value: e?.theme },
  {
    name: "signOffRequired",
    label: "发布前须由发布人逐项确认数据",
    type: "checkbox",
    value: e?.signOffRequired,
  },
];

/** Events with their editions: each can be edited in place; new ones are added at the end of each list. */
export function EventAdmin({ events }: { events: AdminEvent[] }) {
  return (
    <>
      {events.map((event) => (
        <section key={event.id} className="panel event-admin" aria-labelledby={`event-${event.id}`}>
          <h2 id={`event-${event.id}`}>
            {event.name} <small className="muted">{event.slug}</small>
          </h2>
          <details>
            <summary>编辑活动信息</summary>
            <ApiForm
              id={`event-${event.id}-form`}
              url={`/api/admin/events/${event.id}`}
              method="PATCH"
              fields={eventFields(event)}
              submitLabel="保存活动"
            />
          </details>
          {event.editions.length > 0 ? (
            <div className="table-scroll">
              <table className="admin-table">
                <caption className="visually-hidden">{event.name}的届次</caption>
                <thead>
                  <tr>
                    <th scope="col">年份</th>
                    <th scope="col">届次</th>
                    <th scope="col">日期</th>
                    <th scope="col">城市</th>
                    <th scope="col">主题</th>
                    <th scope="col">稿件</th>
                  </tr>
                </thead>
                <tbody>
                  {event.editions.map((e) => (
                    <tr key={e.id}>
                      <th scope="row">{e.year}</th>
                      <td>{e.ordinal ? `第 ${e.ordinal} 届` : "—"}</td>
                      <td>
                        {e.startDate} 至 {e.endDate}
                      </td>
                      <td>{e.city}</td>
                      <td>{e.theme ?? "—"}</td>
                      <td>{e.releaseCount}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="muted">还没有届次。</p>
          )}
          {event.editions.map((e) => (
            <details key={e.id}>
              <summary>编辑 {e.year} 年届次</summary>
              <ApiForm
                id={`edition-${e.id}`}
                url={`/api/admin/editions/${e.id}`}
                method="PATCH"
                fields={editionFields(e)}
                submitLabel="保存届次"
              />
            </details>
          ))}
          <details>
            <summary>添加届次</summary>
            <ApiForm
              id={`event-${event.id}-new-edition`}
              url={`/api/admin/events/${event.id}/editions`}
              method="POST"
              fields={editionFields()}
              submitLabel="添加届次"
            />
          </details>
        </section>
      ))}
      <section className="panel" aria-labelledby="new-event">
        <h2 id="new-event">添加活动</h2>
        <ApiForm
          id="new-event-form"
          url="/api/admin/events"
          method="POST"
          fields={eventFields()}
          submitLabel="添加活动"
        />
      </section>
    </>
  );
}
