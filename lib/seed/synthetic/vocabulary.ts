// Words the synthetic archive is written from: events, places, industries, headings and the
// figure keys. Plausible for a provincial press office of recurring trade events; all invented.

export const CITIES = [
  "合肥",
  "芜湖",
  "蚌埠",
  "安庆",
  "马鞍山",
  "滁州",
  "阜阳",
  "宿州",
  "六安",
  "宣城",
  "铜陵",
  "池州",
  "黄山",
  "淮南",
  "淮北",
  "亳州",
] as const;

export const CITIES_EN: Record<(typeof CITIES)[number], string> = {
  合肥: "Hefei",
  芜湖: "Wuhu",
  蚌埠: "Bengbu",
  安庆: "Anqing",
  马鞍山: "Ma'anshan",
  滁州: "Chuzhou",
  阜阳: "Fuyang",
  宿州: "Suzhou (Anhui)",
  六安: "Lu'an",
  宣城: "Xuancheng",
  铜陵: "Tongling",
  池州: "Chizhou",
  黄山: "Huangshan",
  淮南: "Huainan",
  淮北: "Huaibei",
  亳州: "Bozhou",
};

export const INDUSTRIES = [
  ["新能源汽车", "new energy vehicles"],
  ["集成电路", "integrated circuits"],
  ["新型显示", "new display technology"],
  ["人工智能", "artificial intelligence"],
  ["生物医药", "biomedicine"],
  ["高端装备", "high-end equipment"],
  ["新材料", "new materials"],
  ["智能家电", "smart home appliances"],
  ["光伏储能", "solar power and storage"],
  ["量子信息", "quantum information"],
  ["工业互联网", "industrial internet"],
  ["绿色食品", "green food"],
] as const;

/** Synthetic events: slugs start with "synthetic-" so --remove-synthetic can find them. */
export const SYNTHETIC_EVENTS = [
  {
    slug: "synthetic-smart-expo",
    name: "长三角智能制造博览会",
    nameEn: "Yangtze River Delta Smart Manufacturing Expo",
  },
  {
    slug: "synthetic-nev-congress",
    name: "中国新能源汽车产业大会",
    nameEn: "China New Energy Vehicle Congress",
  },
  {
    slug: "synthetic-display-forum",
    name: "世界新型显示产业论坛",
    nameEn: "World Forum on New Display Industries",
  },
] as const;

export const SYNTHETIC_CATEGORIES = [
  { slug: "synthetic-news", name: "大会动态", nameEn: "Convention news", description: "大会筹备与举办动态" },
  { slug: "synthetic-investment", name: "投资合作", nameEn: "Investment", description: "签约项目与招商引资" },
  {
    slug: "synthetic-exhibition",
    name: "展览展示",
    nameEn: "Exhibitions",
    description: "展区、展品与参展企业",
  },
  {
    slug: "synthetic-forum",
    name: "论坛活动",
    nameEn: "Forums and events",
    description: "论坛、对接会与专题活动",
  },
  { slug: "synthetic-media", name: "媒体视角", nameEn: "Media", description: "媒体报道与宣传推广" },
] as const;

export const SYNTHETIC_TAGS = [
  { slug: "synthetic-signing", name: "合成·签约" },
  { slug: "synthetic-exhibitors", name: "合成·参展" },
  { slug: "synthetic-forums", name: "合成·论坛" },
  { slug: "synthetic-results", name: "合成·成果" },
  { slug: "synthetic-international", name: "合成·国际合作" },
] as const;

export const THEMES = ["智造未来·共赢发展", "创新驱动·开放合作", "数字赋能·绿色转型", "链接全球·共享机遇"];

export const SECTIONS = [
  "大会规模",
  "招商引资",
  "展览展示",
  "活动交流",
  "宣传推广",
  "国际合作",
  "产业成果",
  "服务保障",
] as const;

export const RECORD_NOTES = ["创历届之最", "创历史新高", "均创历届新高"];

/**
 * Figure keys of the synthetic archive beside the seed's own registry keys: key, label, English
 * label and base unit (a unit of lib/figures/units.ts, so each value passes the editor's rules).
 */
export const SYNTHETIC_KEYS: ReadonlyArray<readonly [string, string, string, string]> = [
  ["synthetic_exhibition_halls", "展馆", "exhibition halls", "个"],
  ["synthetic_foreign_exhibitors", "境外参展企业", "overseas exhibitors", "家"],
  ["synthetic_listed_exhibitors", "上市公司参展企业", "listed exhibitors", "家"],
  ["synthetic_new_products", "首发新产品", "product launches", "项"],
  ["synthetic_patents", "发布专利成果", "patents presented", "件"],
  ["synthetic_forums", "主题论坛", "themed forums", "场"],
  ["synthetic_matchmaking", "产需对接活动", "matchmaking sessions", "场"],
  ["synthetic_speakers", "演讲嘉宾", "speakers", "位"],
  ["synthetic_academicians", "两院院士", "academicians", "位"],
  ["synthetic_countries", "参会国家和地区", "countries and regions", "国"],
  ["synthetic_delegations", "省外代表团", "delegations from other provinces", "个"],
  ["synthetic_buyers", "专业采购商", "trade buyers", "名"],
  ["synthetic_volunteers", "志愿者", "volunteers", "名"],
  ["synthetic_journalists", "注册记者", "accredited journalists", "名"],
  ["synthetic_visitors", "线下观众", "visitors on site", "人次"],
  ["synthetic_online_views", "线上观看", "online views", "人次"],
  ["synthetic_contract_value", "合同金额", "contract value", "元"],
  ["synthetic_foreign_investment", "利用外资", "foreign investment", "美元"],
  ["synthetic_manufacturing_investment", "制造业项目投资", "manufacturing investment", "元"],
  ["synthetic_on_site_sales", "现场成交额", "on-site sales", "元"],
  ["synthetic_exhibition_area", "室外展览面积", "outdoor exhibition area", "平方米"],
  ["synthetic_booth_area", "特装展位面积", "custom booth area", "平方米"],
  ["synthetic_growth_rate", "签约额同比增长", "year-on-year growth in contracts", "%"],
  ["synthetic_manufacturing_share", "制造业项目占比", "share of manufacturing projects", "%"],
  ["synthetic_reports", "媒体报道", "media reports", "篇"],
  ["synthetic_enterprises_visited", "考察企业", "companies visited", "家"],
  ["synthetic_hotels", "接待酒店", "partner hotels", "家"],
  ["synthetic_vehicles", "保障车辆", "support vehicles", "辆"],
  ["synthetic_shuttle_trips", "接驳车次", "shuttle trips", "次"],
  ["synthetic_universities", "参与高校", "universities taking part", "所"],
  ["synthetic_agreements", "战略合作协议", "strategic agreements", "项"],
  ["synthetic_talent_projects", "引进人才项目", "talent projects", "个"],
  ["synthetic_new_energy_projects", "新能源项目", "new energy projects", "个"],
  ["synthetic_digital_projects", "数字经济项目", "digital economy projects", "个"],
  ["synthetic_service_points", "服务站点", "service points", "个"],
  ["synthetic_power_capacity", "储能装机", "storage capacity installed", "台"],
  ["synthetic_equipment_sets", "展示装备", "equipment on show", "套"],
  ["synthetic_tonnage", "物流保障", "logistics handled", "吨"],
  ["synthetic_households", "惠及农户", "farming households reached", "户"],
  ["synthetic_land_area", "项目用地", "land for projects", "公顷"],
];
