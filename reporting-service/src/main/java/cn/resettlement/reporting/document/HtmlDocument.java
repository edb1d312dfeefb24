package cn.resettlement.reporting.document;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

/** The report as a self-contained HTML page. */
final class HtmlDocument {

	private static final String STYLE = """
			body{font-family:"FangSong","仿宋","SimSun","Songti SC","WenQuanYi Micro Hei","Noto Sans CJK SC",serif;\
			max-width:820px;margin:2em auto;line-height:1.9;font-size:16px;color:#111}\
			h1{text-align:center;font-size:24px}h2{font-size:18px;margin-top:1.5em}\
			p.indent{text-indent:2em;margin:.3em 0}p.note{font-size:13px;color:#555}\
			table{border-collapse:collapse;width:100%;font-size:13px;margin:1em 0}\
			th,td{border:1px solid #444;padding:4px 6px;vertical-align:top}th{background:#eee}""";

	private HtmlDocument() {
	}

	static String render(List<Block> blocks, String title) {
		StringBuilder html = new StringBuilder(
				"<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
		html.append("<title>").append(escape(title)).append("</title>\n<style>").append(STYLE).append("</style>\n");
		html.append("</head>\n<body>\n");
		for (Block block : blocks) {
			if (block instanceof Block.Title t) {
				html.append("<h1>").append(escape(t.text())).append("</h1>\n");
			}
			else if (block instanceof Block.Heading h) {
				html.append("<h2>").append(escape(h.text())).append("</h2>\n");
			}
			else if (block instanceof Block.Paragraph p) {
				html.append("<p class=\"indent\">").append(escape(p.text())).append("</p>\n");
			}
			else if (block instanceof Block.Plain p) {
				html.append("<p>").append(escape(p.text())).append("</p>\n");
			}
			else if (block instanceof Block.Note n) {
				html.append("<p class=\"note\">").append(escape(n.text())).append("</p>\n");
			}
			else if (block instanceof Block.Table t) {
				html.append("<table>\n<thead><tr>");
				t.header().forEach((h) -> html.append("<th>").append(escape(h)).append("</th>"));
				html.append("</tr></thead>\n<tbody>\n");
				for (List<String> row : t.rows()) {
					html.append("<tr>");
					row.forEach((c) -> html.append("<td>").append(escape(c)).append("</td>"));
					html.append("</tr>\n");
				}
				html.append("</tbody>\n</table>\n");
			}
		}
		return html.append("</body>\n</html>\n").toString();
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
