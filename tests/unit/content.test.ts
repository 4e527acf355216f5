import { describe, expect, it } from "vitest";
import { markFigures } from "@/lib/content/mark-figures";
import { renderBody } from "@/lib/content/render-body";
import { bodyToText, sanitizeBody, sanitizePlainText } from "@/lib/content/sanitize-body";

const figure = (over: Partial<Parameters<typeof markFigures>[1][number]> = {}) => ({
  key: "exhibition_area",
  label: "总展览面积",
  display: "8万平方米",
  baseValue: "80000",
  isRecord: true,
  sourceText: "总展览面积8万平方米",
  mention: "8万平方米",
  ...over,
});

describe("body sanitising", () => {
  it("keeps the editor's structure", () => {
    const html =
      '<h2>标题</h2><p><strong>粗</strong><em>斜</em><a href="https://example.org">链接</a></p><ul><li>一</li></ul><blockquote>引</blockquote>';
    expect(sanitizeBody(html)).toBe(
      '<h2>标题</h2><p><strong>粗</strong><em>斜</em><a href="https://example.org" rel="noopener noreferrer">链接</a></p><ul><li>一</li></ul><blockquote>引</blockquote>',
    );
  });
  it("drops scripts, handlers, javascript: URLs and styles", () => {
    const dirty =
      '<p onclick="x()" style="color:red">文<script>alert(1)</script><img src="javascript:alert(1)" onerror="alert(1)"><a href="javascript:alert(1)">x</a><iframe src="https://evil"></iframe></p>';
    const clean = sanitizeBody(dirty);
    expect(clean).not.toMatch(/script|onclick|onerror|javascript:|iframe|style=/i);
    expect(clean).toContain("文");
  });
  it("keeps the structure of a Word paste and drops its junk", () => {
    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body>
<h1 class="MsoTitle" style="mso-line-height-rule:exactly">大会成果</h1>
<p class="MsoNormal" style="text-indent:2em"><span lang="ZH-CN" style="font-family:宋体;mso-ascii-font-family:Calibri">共促成合作签约项目<b>587个</b></span><o:p></o:p></p>
<ul style="margin-top:0cm"><li class="MsoListParagraph">第一项</li></ul>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]--></body></html>`;
    expect(sanitizeBody(word).replace(/\s+</g, "<").trim()).toBe(
      "<h2>大会成果</h2><p><span>共促成合作签约项目<strong>587个</strong></span></p><ul><li>第一项</li></ul>",
    );
  });

  it("turns rich text into plain text", () => {
    expect(sanitizePlainText("<b>A</b> &amp; <i>B</i><script>x</script>")).toBe("A & B");
    expect(bodyToText("<h2>一</h2><p>二</p><p>三</p>")).toBe("一\n二\n三");
  });
});

describe("marking figures in the body", () => {
  const html = "<p>设立展览8万平方米,创出历届之最。</p><p>总展览面积8万平方米,共组织974家企业参展</p>";
  it("marks the mention inside its source sentence, not the first occurrence", () => {
    const out = markFigures(html, [figure()]);
    expect(out).toBe(
      '<p>设立展览8万平方米,创出历届之最。</p><p>总展览面积<data class="fig fig-record" value="80000" data-key="exhibition_area" title="总展览面积：8万平方米">8万平方米</data>,共组织974家企业参展</p>',
    );
  });
  it("marks two figures with the same words in one sentence once each", () => {
    const same = "<p>21场论坛活动以及21场各市举办的活动</p>";
    const out = markFigures(same, [
      figure({
        key: "forums",
        mention: "21场",
        sourceText: "21场论坛活动",
        baseValue: "21",
        isRecord: false,
      }),
      figure({
        key: "city_events",
        mention: "21场",
        sourceText: "21场各市举办的活动",
        baseValue: "21",
        isRecord: false,
      }),
    ]);
    expect(out.match(/<data /g)).toHaveLength(2);
    expect(out).toContain('data-key="forums"');
    expect(out).toContain('data-key="city_events"');
  });
  it("never marks inside a tag or leaves a missing mention unmarked silently broken", () => {
    const out = markFigures('<p><a href="/x?8万平方米">链接</a></p>', [figure({ sourceText: null })]);
    expect(out).toBe('<p><a href="/x?8万平方米">链接</a></p>');
  });
  it("says so where a photo was not supplied", () => {
    const out = renderBody(
      '<figure class="photo"><figcaption>新闻发布会现场。<span class="credit">蔡菡泠摄</span></figcaption></figure>',
      [],
      { photoMissing: "原稿图片未随稿提供" },
    );
    expect(out).toContain('<span class="photo-missing" role="note">原稿图片未随稿提供</span><figcaption>');
    expect(out).toContain('<span class="credit">蔡菡泠摄</span>');
  });
});

describe("plain text stays text", () => {
  // Each of these, stored as a title or label, would reach a feed reader or any HTML consumer as markup
  // if stripping decoded it back into a tag.
  const tricks = [
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "&#x3c;img src=x onerror=alert(1)&#x3e;",
    "&LT;svg onload=alert(1)&GT;",
    "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;",
    "&amp;amp;lt;script&amp;amp;gt;x",
    "&amp;amp;amp;amp;amp;lt;b&amp;amp;amp;amp;amp;gt;",
    "<<script>script>alert(1)<</script>/script>",
    "&lt;!--x--&gt;&lt;a href=javascript:alert(1)&gt;点&lt;/a&gt;",
    "大会&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;成果",
  ];
  it.each(tricks)("no tag comes back out of %j", (input) => {
    const text = sanitizePlainText(input);
    expect(text).not.toMatch(/<[a-zA-Z/!?]/);
    expect(sanitizePlainText(text)).toBe(text);
  });

  it("no tag from entities nested past the cap either", () => {
    const deep = `${"&amp;".repeat(1)}${"amp;".repeat(60)}lt;script${"&amp;".repeat(1)}${"amp;".repeat(60)}gt;alert(1)`;
    expect(sanitizePlainText(deep)).not.toMatch(/<[a-zA-Z/!?]/);
  });

  it("drops NUL characters, which PostgreSQL text cannot store (found by the XSS corpus: the save answered 500)", () => {
    expect(sanitizePlainText('a\u0000b<a href="javascript\u0000:x">空字符</a>')).toBe("ab空字符");
    expect(sanitizeBody('<p>a\u0000b<a href="javascript\u0000:x">空字符</a></p>')).toBe(
      "<p>ab<a>空字符</a></p>",
    );
  });

  it("keeps what a reader wrote", () => {
    expect(sanitizePlainText("大会&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;成果")).toBe("大会成果");
    expect(sanitizePlainText("增长 &gt; 5% &amp; 利润 &lt; 3%")).toBe("增长 > 5% & 利润 < 3%");
    expect(sanitizePlainText("a < b > c")).toBe("a < b > c");
    expect(sanitizePlainText("“中国制造” & ‘合肥’")).toBe("“中国制造” & ‘合肥’");
  });
});
