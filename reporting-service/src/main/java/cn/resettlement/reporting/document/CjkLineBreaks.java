package cn.resettlement.reporting.document;

import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

/**
 * Where a line of Chinese text may break in the PDF: after any ideograph, but never so
 * that a line starts with closing punctuation (，。、；：”） ...) or ends with an opening one
 * (“（《 ...) — the usual rule of Chinese typesetting (避头尾).
 */
final class CjkLineBreaks implements SplitCharacter {

	static final CjkLineBreaks INSTANCE = new CjkLineBreaks();

	private static final String NOT_AT_LINE_START = "，。、；：？！）》」』】〕”’％…—·,.;:?!)]}%";

	private static final String NOT_AT_LINE_END = "（《「『【〔“‘([{";

	private CjkLineBreaks() {
	}

	@Override
	public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
		char c = character(current, cc, ck);
		if (current + 1 < end && NOT_AT_LINE_START.indexOf(character(current + 1, cc, ck)) >= 0) {
			return false;
		}
		if (NOT_AT_LINE_END.indexOf(c) >= 0) {
			return false;
		}
		return c <= ' ' || c == '-' || NOT_AT_LINE_START.indexOf(c) >= 0 || ideographic(c);
	}

	private static char character(int index, char[] cc, PdfChunk[] ck) {
		if (ck == null) {
			return cc[index];
		}
		return (char) ck[Math.min(index, ck.length - 1)].getUnicodeEquivalent(cc[index]);
	}

	private static boolean ideographic(char c) {
		return (c >= 0x2e80 && c < 0xd7a0) || (c >= 0xf900 && c < 0xfb00) || (c >= 0xfe30 && c < 0xfe50)
				|| (c >= 0xff61 && c < 0xffa0);
	}

}
