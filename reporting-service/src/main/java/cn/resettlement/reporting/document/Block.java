package cn.resettlement.reporting.document;

import java.util.List;

/** A piece of the report document, rendered alike as Markdown, HTML, DOCX and PDF. */
sealed interface Block {

	/** The document title. */
	record Title(String text) implements Block {
	}

	/** A section heading (一、二、...). */
	record Heading(String text) implements Block {
	}

	/** A body paragraph, first line indented by two characters. */
	record Paragraph(String text) implements Block {
	}

	/** A line without indentation (the addressee). */
	record Plain(String text) implements Block {
	}

	/** A table with a header row. */
	record Table(List<String> header, List<List<String>> rows) implements Block {
	}

	/** A small note (data currency, submission). */
	record Note(String text) implements Block {
	}

}
