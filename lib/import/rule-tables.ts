// The hand-written rules of the import assistant, as tables: numbers themselves are recognised by
// @microsoft/recognizers-text-number (lib/import/numbers.ts); what a number means in a results
// release (its unit, qualifier, subject and record claim) is decided by the entries below.
import type { FigureQualifier } from "../generated/prisma/enums";

/** Magnitude words between a number and its unit (simplified: the engine reads a simplified copy). */
export const MAGNITUDE_WORDS = ["万亿", "亿", "万"] as const;

/**
 * Base units a figure may be counted in, longest first when matched. Counters (个, 家, 名 …) stand
 * before the noun they count ("974家企业"); measures (%, 元, 平方米 …) follow their subject.
 */
export const BASE_UNITS: ReadonlyArray<{ word: string; counter: boolean }> = [
  { word: "个百分点", counter: false },
  { word: "平方公里", counter: false },
  { word: "平方米", counter: false },
  { word: "千瓦时", counter: false },
  { word: "篇(条)", counter: true },
  { word: "人次", counter: true },
  { word: "家次", counter: true },
  { word: "场次", counter: true },
  { word: "架次", counter: true },
  { word: "澳门元", counter: false },
  { word: "新台币", counter: false },
  { word: "美元", counter: false },
  { word: "港元", counter: false },
  { word: "日元", counter: false },
  { word: "英镑", counter: false },
  { word: "欧元", counter: false },
  { word: "公顷", counter: false },
  { word: "公里", counter: false },
  { word: "千米", counter: false },
  { word: "千瓦", counter: false },
  { word: "公斤", counter: false },
  { word: "千克", counter: false },
  { word: "小时", counter: false },
  { word: "%", counter: false },
  { word: "元", counter: false },
  { word: "吨", counter: false },
  { word: "亩", counter: false },
  { word: "倍", counter: false },
  { word: "天", counter: false },
  { word: "名", counter: true },
  { word: "人", counter: true },
  { word: "位", counter: true },
  { word: "个", counter: true },
  { word: "家", counter: true },
  { word: "户", counter: true },
  { word: "件", counter: true },
  { word: "条", counter: true },
  { word: "项", counter: true },
  { word: "场", counter: true },
  { word: "所", counter: true },
  { word: "国", counter: true },
  { word: "篇", counter: true },
  { word: "次", counter: true },
  { word: "辆", counter: true },
  { word: "台", counter: true },
  { word: "套", counter: true },
  { word: "款", counter: true },
  { word: "座", counter: true },
  { word: "艘", counter: true },
  { word: "部", counter: true },
  { word: "种", counter: true },
  { word: "份", counter: true },
];

/**
 * A number with no unit of its own takes one from the words it measures: "观看人次超3000万" is
 * 3000万人次, "阅读量过百万" is 100万次, "投资额达50亿" is 50亿元. Longest suffix first.
 */
export const IMPLIED_UNITS: ReadonlyArray<{ labelEnding: string; baseUnit: string }> = [
  { labelEnding: "人次", baseUnit: "人次" },
  { labelEnding: "播放量", baseUnit: "次" },
  { labelEnding: "阅读量", baseUnit: "次" },
  { labelEnding: "访问量", baseUnit: "次" },
  { labelEnding: "浏览量", baseUnit: "次" },
  { labelEnding: "点击量", baseUnit: "次" },
  { labelEnding: "观看量", baseUnit: "次" },
  { labelEnding: "下载量", baseUnit: "次" },
  { labelEnding: "人数", baseUnit: "人" },
  { labelEnding: "销售额", baseUnit: "元" },
  { labelEnding: "交易额", baseUnit: "元" },
  { labelEnding: "投资额", baseUnit: "元" },
  { labelEnding: "总额", baseUnit: "元" },
  { labelEnding: "金额", baseUnit: "元" },
  { labelEnding: "产值", baseUnit: "元" },
  { labelEnding: "营收", baseUnit: "元" },
  { labelEnding: "收入", baseUnit: "元" },
];

/**
 * Qualifier words as the text writes them, longest first. `before` words stand in front of the
 * number (约3000), `after` words between the number and its unit (3000余件, 3万余人).
 * 达 and no word both mean the exact value.
 */
export const QUALIFIER_WORDS: ReadonlyArray<{
  word: string;
  qualifier: FigureQualifier;
  position: "before" | "after";
}> = [
  { word: "大约", qualifier: "about", position: "before" },
  { word: "约", qualifier: "about", position: "before" },
  { word: "超过", qualifier: "over", position: "before" },
  { word: "突破", qualifier: "over", position: "before" },
  { word: "超", qualifier: "over", position: "before" },
  { word: "过", qualifier: "over", position: "before" },
  { word: "逾", qualifier: "more_than", position: "before" },
  { word: "将近", qualifier: "nearly", position: "before" },
  { word: "接近", qualifier: "nearly", position: "before" },
  { word: "近", qualifier: "nearly", position: "before" },
  { word: "达到", qualifier: "exact", position: "before" },
  { word: "达", qualifier: "exact", position: "before" },
  { word: "余", qualifier: "more_than", position: "after" },
  { word: "多", qualifier: "more_than", position: "after" },
];

/**
 * Round amounts written as a magnitude word alone, read only right after a qualifier word
 * ("近千万", "过百万", "超亿"), where the recogniser finds no number.
 */
export const ROUND_AMOUNTS: ReadonlyArray<{ word: string; value: string; magnitude: string }> = [
  { word: "千万", value: "1000", magnitude: "万" },
  { word: "百万", value: "100", magnitude: "万" },
  { word: "十万", value: "10", magnitude: "万" },
  { word: "千亿", value: "1000", magnitude: "亿" },
  { word: "百亿", value: "100", magnitude: "亿" },
  { word: "十亿", value: "10", magnitude: "亿" },
  { word: "万亿", value: "1", magnitude: "万亿" },
  { word: "亿", value: "1", magnitude: "亿" },
  { word: "万", value: "1", magnitude: "万" },
];

/**
 * Before a number: it is an ordinal, a list position or the event's own duration, not a result
 * (第3届, 前10名, 为期4天).
 */
export const NOT_AMOUNT_BEFORE = [
  "第",
  "前",
  "No.",
  "编号",
  "电话",
  "热线",
  "邮编",
  "传真",
  "为期",
  "历时",
] as const;

/** After a unit: the number names something rather than counting it ("500强", "3个月"). */
export const NOT_AMOUNT_AFTER = ["强", "月", "周年", "岁"] as const;

/** Counted things that are the text's own structure, not results ("5个方面"): low confidence. */
export const STRUCTURE_NOUNS = ["方面", "部分", "阶段", "环节", "步", "点", "板块", "特点", "方向"] as const;

/**
 * Record claims and the figures they qualify. `scope` says which: "listed" (the subjects named
 * before 均创, else every figure of the sentence before the claim), "previous" (the figure just
 * before the claim, in its clause or the one before), "clause" (a figure in the claim's own clause).
 */
export const RECORD_CLAIMS: ReadonlyArray<{ pattern: RegExp; scope: "listed" | "previous" | "clause" }> = [
  { pattern: /均创[^，,。；;！？]*?(?:之最|新高|纪录|记录)/, scope: "listed" },
  { pattern: /均为[^，,。；;！？]*?(?:之最|新高)/, scope: "listed" },
  { pattern: /创[^，,。；;！？、]*?(?:之最|新高|纪录|记录)/, scope: "previous" },
  { pattern: /为历[届年史][^，,。；;！？]*?之最/, scope: "previous" },
  { pattern: /(?:规模|数量|人数|面积)?(?:最多|最大|最高|最广)/, scope: "clause" },
  { pattern: /首次/, scope: "clause" },
];

/**
 * A rate whose subject is only its change ("同比增长6.1%", "较上届增长46%") measures the figure
 * before it in the sentence: it is labelled "<that figure>增长".
 */
export const CHANGE_WORDS: ReadonlyArray<{ pattern: RegExp; suffix: string }> = [
  {
    pattern: /^(?:同比|环比|较上[届年期]|比上[届年期月]|与上[届年]相比)?(?:增长|增加|提高)$/,
    suffix: "增长",
  },
  { pattern: /^(?:同比|环比|较上[届年期]|比上[届年期月])?(?:下降|减少|回落)$/, suffix: "下降" },
];

/** Words in front of a subject that belong to the sentence, not to the subject (其中, 共 …). */
export const LEADING_WORDS = [
  "其中",
  "此外",
  "同时",
  "另外",
  "即",
  "共计",
  "累计",
  "合计",
  "总计",
  "共有",
  "共",
  "全年",
  "今年",
  "并",
  "还",
] as const;

/** Verbs that introduce what is counted: the subject is what follows them (共组织|974家|企业). */
export const INTRODUCING_VERBS = [
  "组织",
  "邀请",
  "举办",
  "举行",
  "收获",
  "达成",
  "促成",
  "展出",
  "接待",
  "吸引",
  "签订",
  "实现",
  "完成",
  "设立",
  "发布",
  "推出",
  "开展",
  "涉及",
  "覆盖",
  "带动",
  "做到了",
  "共有",
  "拥有",
  "来自",
] as const;

/** Where the subject written after a counter ends: "企业|参展", "部属高校|在皖", "客户|对". */
export const SUBJECT_ENDS = [
  "参展",
  "参会",
  "参加",
  "参与",
  "出席",
  "在",
  "对",
  "的",
  "及",
  "以及",
  "和",
  "与",
  "等",
  "全",
  "组成",
  "提出",
  "达成",
] as const;

/** Words that look like a subject's end but are part of it ("对接活动", "对外贸易", "在线"). */
export const SUBJECT_END_EXCEPTIONS = [
  "对接",
  "对外",
  "对话",
  "在线",
  "全国",
  "全省",
  "全球",
  "及时",
] as const;

/** A role named after the subject that makes it what was counted: "974家企业参展" -> 参展企业. */
export const ROLE_AFTER_SUBJECT: readonly string[] = ["参展", "参会", "参加", "参与", "出席"];

/** What a "分别" group's shared predicate adds to each subject ("A、B分别增长5%、6%" -> "A增长"). */
export const RESPECTIVELY_PREDICATES: ReadonlyArray<{ starts: string; suffix: string }> = [
  { starts: "占", suffix: "占比" },
  { starts: "增长", suffix: "增长" },
  { starts: "同比增长", suffix: "同比增长" },
  { starts: "下降", suffix: "下降" },
];

/** Connectors between the subjects of an enumeration ("A、B和C"). */
export const LIST_SEPARATORS = /、|以及|及|和|与/;

/** Page furniture copied with a release from a web page: the body ends at the first of these. */
export const END_MARKERS = [
  "THE END",
  "(完)",
  "（完）",
  "【责任编辑",
  "责任编辑：",
  "责任编辑:",
  "温馨提示",
] as const;

/** Lines of page metadata and where the release's facts sit in them. */
export const META_FIELDS: ReadonlyArray<{ field: "sourceName" | "byline" | "publishedAt"; pattern: RegExp }> =
  [
    { field: "sourceName", pattern: /(?:来源|来自|稿源)\s*[:：]\s*([^\s|｜]{2,30})/ },
    { field: "byline", pattern: /(?:作者|记者|撰稿)\s*[:：]\s*([^\s|｜]{2,30})/ },
    {
      field: "publishedAt",
      pattern:
        /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?/,
    },
  ];

/** A news agency's dateline: "新华社合肥9月24日电(记者 某某)", "本报讯(记者 某某)". */
export const DATELINE =
  /^(新华社|中新社|中国新闻社|人民网|央视网|新华网|本报|本台|本网)(?:[^\s，,。(（]{0,8}?\d{1,2}月\d{1,2}日)?(?:电|讯)\s*[(（]([^)）]{1,40})[)）]\s*/;

/**
 * A photo credit line ("新闻发布会现场。蔡菡泠摄", "（张三摄）", "开幕式现场。本报记者 李四摄"): a caption
 * without its photo. Group 2 is the credit; what comes before it is the caption. Bounded
 * quantifiers only, so any line, however long or hostile, is read in linear time (an unbounded
 * `\s*` here made a line of spaces take minutes).
 */
export const PHOTO_CREDIT = /^(?:([^。！？]{0,40}[。 ])\s{0,3})?([（(]?\S{1,10}(?:\s\S{1,6})?\s?摄[)）]?)$/;

/** Where a photo line's credit starts (0 for a credit alone), or null for a line that is no photo credit. */
export function photoCreditStart(line: string): number | null {
  const match = PHOTO_CREDIT.exec(line);
  return match ? line.length - match[2].length : null;
}
