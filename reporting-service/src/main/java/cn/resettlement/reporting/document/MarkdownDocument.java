package cn.resettlement.reporting.document;

import java.util.List;

/** The report as Markdown. */
final class MarkdownDocument {

	private MarkdownDocument() {
	}

	static String render(List<Block> blocks) {
		StringBuilder md = new StringBuilder();
		for (Block block : blocks) {
			if (block instanceof Block.Title t) {
				md.append("# ").append(t.text()).append("\n\n");
			}
			else if (block instanceof Block.Heading h) {
				md.append("## ").append(h.text()).append("\n\n");
			}
			else if (block instanceof Block.Paragraph p) {
				md.append(escape(p.text())).append("\n\n");
			}
			else if (block instanceof Block.Plain p) {
				md.append(escape(p.text())).append("\n\n");
			}
			else if (block instanceof Block.Note n) {
				md.append("> ").append(escape(n.text())).append("\n\n");
			}
			else if (block instanceof Block.Table t) {
				row(md, t.header());
				md.append("|");
				t.header().forEach((h) -> md.append(" --- |"));
				md.append("\n");
				t.rows().forEach((r) -> row(md, r));
				md.append("\n");
			}
		}
		return md.toString();
	}

	private static void row(StringBuilder md, List<String> cells) {
		md.append("|");
		cells.forEach((c) -> md.append(" ").append(escape(c).replace("|", "\\|").replace("\n", " ")).append(" |"));
		md.append("\n");
	}

	/** Keeps text from being read as Markdown markup. */
	private static String escape(String text) {
		return text.replace("\\", "\\\\")
			.replace("*", "\\*")
			.replace("_", "\\_")
			.replace("`", "\\`")
			.replace("<", "&lt;");
	}

}
