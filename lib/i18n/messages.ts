// UI text, one catalogue per locale. Chinese first; English has the same keys so pages can switch.
export const zhCN = {
  site: { name: "Pressroom 新闻中心", tagline: "世界制造业大会新闻发布平台", home: "首页", releases: "新闻发布", categories: "分类", skip: "跳到正文", feeds: "订阅" },
  home: { lead: "最新成果发布", latest: "最新发布", more: "查看全部发布", empty: "暂无已发布的新闻稿。" },
  list: { title: "新闻发布", page: "第 {page} 页", prev: "上一页", next: "下一页", empty: "这里还没有已发布的新闻稿。", count: "共 {total} 篇", pagination: "分页" },
  release: {
    source: "来源", published: "发布时间", updated: "更新时间", views: "浏览次数", category: "分类", byline: "作者",
    keyFigures: "大会成果速览", allFigures: "全部数据", records: "创历届之最", recordBadge: "纪录",
    charts: "数据构成", share: "分享", copyLink: "复制链接", copied: "链接已复制", shareNative: "分享到…", weibo: "微博", email: "邮件",
    print: "打印", fontSize: "字号", fontLarge: "大", fontMedium: "中", fontSmall: "小", related: "相关发布",
    tags: "标签", csv: "下载数据 (CSV)", json: "数据接口 (JSON)", changes: "更正与更新说明", correction: "更正", update: "更新",
    photoMissing: "原稿图片未随稿提供", figureCount: "{count} 项数据", recordCount: "{count} 项纪录", section: "板块", figure: "指标", value: "数值", sourceText: "原文",
    edition: "届次", ofWhole: "占 {whole} 的 {share}",
  },
  category: { title: "分类：{name}", all: "全部分类" },
  errors: { notFoundTitle: "页面不存在", notFoundText: "您访问的页面不存在或已被移除。", backHome: "返回首页", errorTitle: "页面出错了", errorText: "加载页面时出现问题，请稍后重试。", retry: "重试", unavailableTitle: "数据库暂时不可用", unavailableText: "现在无法读取内容，请稍后刷新本页。您在编辑器中未保存的修改仍保存在本机浏览器中。" },
  signIn: {
    title: "登录", heading: "编辑后台登录", email: "邮箱", password: "密码", submit: "登录", busy: "正在登录…",
    lockNote: "连续 5 次密码错误，账户将被锁定 15 分钟。",
    invalid: "邮箱或密码不正确", locked: "该账户因多次登录失败已被暂时锁定，请 15 分钟后再试", rateLimited: "登录尝试过于频繁，请稍后再试",
    retryIn: "（约 {minutes} 分钟后）", sessionRequired: "请先登录", failed: "登录失败，请重试", network: "网络异常，请检查网络后重试",
  },
};

export type Messages = typeof zhCN;

export const en: Messages = {
  site: { name: "Pressroom", tagline: "World Manufacturing Convention press releases", home: "Home", releases: "Releases", categories: "Categories", skip: "Skip to content", feeds: "Subscribe" },
  home: { lead: "Latest results", latest: "Latest releases", more: "All releases", empty: "No releases yet." },
  list: { title: "Releases", page: "Page {page}", prev: "Previous", next: "Next", empty: "Nothing published here yet.", count: "{total} releases", pagination: "Pagination" },
  release: {
    source: "Source", published: "Published", updated: "Updated", views: "Views", category: "Category", byline: "By",
    keyFigures: "Key figures", allFigures: "All figures", records: "Records", recordBadge: "Record",
    charts: "Breakdowns", share: "Share", copyLink: "Copy link", copied: "Link copied", shareNative: "Share…", weibo: "Weibo", email: "Email",
    print: "Print", fontSize: "Text size", fontLarge: "L", fontMedium: "M", fontSmall: "S", related: "Related releases",
    tags: "Tags", csv: "Download figures (CSV)", json: "Data (JSON)", changes: "Corrections and updates", correction: "Correction", update: "Update",
    photoMissing: "Photo not supplied with the release", figureCount: "{count} figures", recordCount: "{count} records", section: "Section", figure: "Figure", value: "Value", sourceText: "Source text",
    edition: "Edition", ofWhole: "{share} of {whole}",
  },
  category: { title: "Category: {name}", all: "All categories" },
  errors: { notFoundTitle: "Page not found", notFoundText: "The page does not exist or was removed.", backHome: "Back to home", errorTitle: "Something went wrong", errorText: "The page could not be loaded. Please try again.", retry: "Try again", unavailableTitle: "Database temporarily unavailable", unavailableText: "Content cannot be read right now; please reload this page in a moment. Unsaved edits are still kept in this browser." },
  signIn: {
    title: "Sign in", heading: "Editorial sign-in", email: "Email", password: "Password", submit: "Sign in", busy: "Signing in…",
    lockNote: "After 5 wrong passwords in a row the account is locked for 15 minutes.",
    invalid: "Wrong email or password", locked: "This account is locked for 15 minutes after repeated failures", rateLimited: "Too many sign-in attempts; please try again later",
    retryIn: " (in about {minutes} min)", sessionRequired: "Please sign in first", failed: "Sign-in failed, please try again", network: "Network problem, please check your connection",
  },
};

const catalogues: Record<string, Messages> = { "zh-CN": zhCN, en };

export function getMessages(locale = "zh-CN"): Messages {
  return catalogues[locale] ?? zhCN;
}

/** Fills {name} placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
}
