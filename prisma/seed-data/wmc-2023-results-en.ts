// The English translation of the 2023 results release (安徽日报, 2023-09-28), written for this
// project from the Chinese original, paragraph by paragraph. Its figures are not here: the English
// release reads the original's Figure rows, and English labels come from the key registry below.
import type { SeedBlock } from "../../lib/seed/seed-release-body";

export const wmc2023EnglishRelease = {
  slug: "wmc-2023-results-en",
  title: "2023 World Manufacturing Convention sets a string of records",
  summary:
    "The 2023 World Manufacturing Convention, held in Hefei from 20 to 24 September, set records for attendance, exhibition space, programme, international reach and media coverage. It brought about 587 signed cooperation projects with a total investment of 342.5 billion yuan.",
  sourceName: "Anhui Daily",
  /** The day the translation was made. */
  translatedAt: "2026-11-30T09:00:00+08:00",
};

export const wmc2023EnglishBlocks: SeedBlock[] = [
  {
    type: "paragraph",
    text: "The 2023 World Manufacturing Convention was held successfully in Hefei, Anhui, from 20 to 24 September, with substantial results.",
  },
  {
    type: "paragraph",
    text: "On the afternoon of 28 September, a press conference in Hefei presented the results of the convention.",
  },
  { type: "photo", caption: "At the press conference.", credit: "Photo: Cai Hanling" },
  { type: "photo", caption: "At the press conference.", credit: "Photo: Cai Hanling" },
  {
    type: "paragraph",
    text: "True to its positioning as “national-level, global, manufacturing-focused and intelligent”, and centred on accelerating new industrialisation and building a modern industrial system, this year’s convention held 60 major events of all kinds and 80,000 square metres of exhibitions. It drew more participants than any previous edition and had the largest exhibition space, the richest programme, the highest international share and the widest publicity coverage.",
  },
  { type: "paragraph", text: "In short, the convention’s results fall under five headings." },
  { type: "heading", text: "A national-level event", subtitle: "Deeper high-level exchange" },
  {
    type: "paragraph",
    text: "Under the theme “Intelligent Manufacturing for a Better World”, the convention invited representatives of government, business and academia and other prominent figures to attend, exchange views and offer advice on the high-quality development of manufacturing.",
  },
  {
    type: "paragraph",
    text: "Guests gathered to build a new consensus on intelligent manufacturing. In all, 16,000 guests and delegates from China and abroad were invited to the convention’s events, to discuss accelerating new industrialisation and building a modern industrial system and to look ahead together. Among them were 2,158 important guests, including representatives of government, business and academia, and delegations from 26 other provinces, autonomous regions and municipalities, all record highs.",
  },
  {
    type: "paragraph",
    text: "Ideas met to explore new trends in intelligent manufacturing. At the opening ceremony, Zhou Ji, honorary chairman of the Presidium of the Chinese Academy of Engineering, George Smoot, member of the US National Academy of Sciences, and Yin Tongyue, chairman of Chery Holding, among others, gave keynote speeches on intelligent manufacturing, new energy vehicles and integrated circuits. During the convention, Anhui set up a strategic advisory committee for building its new energy vehicle industry cluster; at its first round table, 20 well-known academicians, experts and entrepreneurs in new energy vehicles from China and abroad gave strategic advice on strengthening the industry’s capacity to innovate and on integrated, clustered development.",
  },
  { type: "heading", text: "A stronger global character", subtitle: "International elements to the fore" },
  {
    type: "paragraph",
    text: "The convention invited more international guests, and cooperated more deeply on international events and exhibitions, raising its global standing further.",
  },
  {
    type: "paragraph",
    text: "A visit by the diplomatic corps in China broadened the international content. Ambassadors to China of 9 countries, including Angola and South Africa, and senior diplomats of the embassies and consulates of 8 countries, including the Maldives and the Philippines, visited Anhui as a diplomatic delegation; 312 guests from outside the mainland, including officials of the consulates-general of the United States, France and Israel in Shanghai, were invited too, from 31 countries and regions.",
  },
  {
    type: "paragraph",
    text: "No convention since Anhui began hosting the World Manufacturing Convention has had as many foreign diplomats in China and representatives of Hong Kong and Macao taking part.",
  },
  {
    type: "paragraph",
    text: "Going out and inviting in deepened international cooperation. For the first time, a series of “Into Europe” events promoted the convention and sought investment projects in Germany, the United Kingdom, the Netherlands and other countries; events held included the 2023 (7th) Food and Food Security Strategy Summit with a China–US dialogue on the agri-food industry, and the Tongxin overseas talent project matchmaking meeting.",
  },
  {
    type: "paragraph",
    text: "A dedicated exhibition of participating countries enlarged the international exhibition. Built around the participating countries’ area, it brought 39 companies from 8 countries, including France, South Korea and Israel, and from Hong Kong, Macao and Taiwan, showing 135 products, among them advanced technologies and products such as lidar and spectrometers, and new trends in the transformation of manufacturing worldwide.",
  },
  { type: "heading", text: "A focus on manufacturing", subtitle: "Frontier technology on show" },
  {
    type: "paragraph",
    text: "Focused on where manufacturing is going, the convention presented frontier technologies and innovative products of manufacturing worldwide through exhibitions and launches.",
  },
  {
    type: "paragraph",
    text: "The exhibitions were a highlight. Organised by government and market together, they covered 80,000 square metres in total, with 974 exhibiting companies and more than 3,000 products on show; of these, 420 exhibitors and 1,337 exhibits came from outside Anhui. During the exhibition the halls gathered 6,941 purchasing leads and 1,646 agreed intentions to cooperate, and received 359,000 visits on site and 13.828 million visits online. Visitor numbers, exhibitors, time spent and exhibition space were all the highest of any edition. On 23 September alone more than 100,000 visits were made, a single-day record for the convention.",
  },
  {
    type: "paragraph",
    text: "Authoritative launches drew wide attention. Sixteen rankings and reports were published, including the “Top 500 Chinese Enterprises”, the “Top 500 Chinese Manufacturing Enterprises” and the Anhui Manufacturing Development Report, and more than 70 results were launched in quantum information, large AI models, aerospace, high-end equipment and other fields. The products launched attracted strong interest and some reached agreements on the spot: Zhongke Leinao, for example, has reached initial cooperation with China Energy Investment and NARI Group, and 15 customers asked to buy Deming Electronics’ AI-based digital operating theatre and smart management system.",
  },
  { type: "heading", text: "All-round cooperation", subtitle: "Better, more effective matchmaking" },
  {
    type: "paragraph",
    text: "The convention held 60 events of all kinds. By providing a platform, it deepened exchange and cooperation, strengthened the links between the province and its cities, and signed a number of major projects.",
  },
  {
    type: "paragraph",
    text: "The convention as a meeting place: a rich programme. Built around Anhui’s industries worth tens of billions to trillions of yuan and its ten emerging industries, and organised by the province and its cities together, the programme followed a “1+6+11+21+21” structure: 1 opening ceremony and keynote forum, 6 “Six Hundred” project matchmaking events, 11 thematic events, 21 forums and 21 events held by the cities, covering all 16 prefecture-level cities, the richest programme of any edition.",
  },
  {
    type: "paragraph",
    text: "The convention as a draw for investment: fruitful project matchmaking. “Six Hundred” matchmaking with central state-owned, private and foreign companies brought about 587 signed cooperation projects with a total investment of 342.5 billion yuan, of which 534 manufacturing projects with a total investment of 306 billion yuan, 91% and 89% respectively. At a symposium on cooperation between Anhui and central state-owned enterprises, attended by 60 such enterprises, 53 cooperation projects with a total investment of 65.1 billion yuan were signed.",
  },
  {
    type: "paragraph",
    text: "The convention as a driver of industry: better cooperation with partners outside Anhui. Anhui and the Ministry of Industry and Information Technology deepened their cooperation with a memorandum on further advancing the high-quality development of China Speech Valley, to build together a world-class cluster of intelligent speech and artificial intelligence manufacturing worth a trillion yuan. At an event presenting the results of industry–education integration between Anhui and universities under the ministry, it was reported that 7 such universities have reached 184 cooperation projects in Anhui since the agreement was signed last year, and a new round of 333 intended cooperation projects was agreed this year.",
  },
  { type: "heading", text: "Greater influence", subtitle: "Coverage that reached people" },
  {
    type: "paragraph",
    text: "The convention found new forms of publicity and widened its reach, with the most participating media, the greatest public interest, the widest reach and the most in-depth reporting of any edition.",
  },
  {
    type: "paragraph",
    text: "International publicity turned the world’s eyes to manufacturing in Anhui. China’s main international media and Anhui’s own outlets for foreign audiences covered the convention in many languages and on many platforms; media in the United States, the United Kingdom, France, Italy, Germany and other countries and regions republished more than 150 stories and posts.",
  },
  {
    type: "paragraph",
    text: "Joint efforts showed Anhui at its best. CCTV’s “Quality Anhui · Made in Anhui” kept up the publicity, and for the first time a preview film and a special report, “Anhui’s Industrial Strength”, were produced for the convention. People’s Daily, Xinhua, China Media Group and other central news organisations, and 110 media from Jilin, Shanghai, Jiangsu, Zhejiang and other provinces and cities, reported on site, with more than 3,500 original stories and posts and about 48,000 in total. The live broadcast of the opening ceremony was watched over 30 million times, and topics of the convention trended repeatedly.",
  },
  {
    type: "paragraph",
    text: "Flagship reporting showed what Anhui has achieved on its way to becoming a manufacturing power. Media published in-depth reports with clear themes and substance, such as “New Momentum Takes Anhui Manufacturing Up a Level”, “The Spirit of Anhui Industry” and “Three Questions for Anhui”. The short video “The 2023 World Manufacturing Convention Opens Today: A First Look at the ‘Star Exhibits’!” was played nearly 10 million times on Douyin, and “Why Anhui?” was read more than a million times.",
  },
];

/** English labels of the release's figure keys (the registry's labelEn; set where still empty). */
export const wmc2023KeyLabelsEn: Record<string, string> = {
  guests: "Guests and delegates",
  vip_guests: "Important guests from government, business and academia",
  visiting_provinces: "Other provinces sending delegations",
  nev_advisers: "New energy vehicle advisers (academicians, experts, entrepreneurs)",
  ambassador_countries: "Countries of visiting ambassadors",
  diplomat_countries: "Countries of visiting senior diplomats",
  overseas_guests: "Guests from outside the mainland",
  overseas_guest_regions: "Countries and regions of guests from outside the mainland",
  exhibiting_countries: "Exhibiting countries",
  foreign_exhibitors: "Companies in the participating countries’ area",
  foreign_products: "Products in the participating countries’ area",
  exhibition_area: "Total exhibition space",
  exhibitors: "Exhibitors",
  exhibited_products: "Products on show",
  out_of_province_exhibitors: "Exhibitors from outside Anhui",
  out_of_province_products: "Exhibits from outside Anhui",
  purchase_leads: "Purchasing leads",
  cooperation_intentions: "Agreed intentions to cooperate",
  visitors_offline: "Visits on site",
  visits_online: "Visits online",
  peak_day_visitors: "Visits on a single day (23 September)",
  rankings_and_reports: "Rankings and reports published",
  launches: "Results launched",
  surgery_system_buyers: "Customers asking to buy (digital operating theatre system)",
  events: "Events",
  opening_forums: "Opening ceremony and keynote forum",
  matchmaking_events: "“Six Hundred” project matchmaking events",
  thematic_events: "Thematic events",
  forums: "Forums",
  city_events: "Events held by the cities",
  cities_covered: "Prefecture-level cities covered",
  signed_projects: "Signed cooperation projects",
  signed_investment: "Total investment of signed projects",
  manufacturing_projects: "Manufacturing projects",
  manufacturing_investment: "Total investment of manufacturing projects",
  manufacturing_project_share: "Manufacturing share of projects",
  manufacturing_investment_share: "Manufacturing share of investment",
  soe_attendees: "Central state-owned enterprises attending (Anhui symposium)",
  soe_projects: "Projects signed with central state-owned enterprises",
  soe_investment: "Investment of projects with central state-owned enterprises",
  ministry_universities: "Ministry universities cooperating in Anhui",
  university_projects: "Cooperation projects reached by ministry universities",
  university_new_projects: "New intended projects with ministry universities",
  foreign_media_reposts: "Stories republished by media abroad",
  media_outlets: "Media reporting on site",
  original_stories: "Original stories",
  total_coverage: "Total coverage (stories and posts)",
  livestream_views: "Views of the opening ceremony live stream",
  short_video_plays: "Douyin plays of the short video",
  article_reads: "Reads of “Why Anhui?”",
};
