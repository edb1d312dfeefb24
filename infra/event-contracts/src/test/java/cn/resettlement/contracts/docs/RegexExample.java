package cn.resettlement.contracts.docs;

/**
 * A string matching a pattern of the simple kind the schemas use: literals, escapes,
 * character classes, groups with alternatives and the quantifiers {@code ? * + {n} {n,}
 * {n,m}}. Takes the first alternative, the first character of a class and the smallest
 * repetition (one for {@code *}/{@code ?} of a group, so optional parts show).
 */
final class RegexExample {

	private final String pattern;

	private int position;

	private RegexExample(String pattern) {
		this.pattern = pattern;
	}

	static String of(String pattern) {
		String body = pattern;
		if (body.startsWith("^")) {
			body = body.substring(1);
		}
		if (body.endsWith("$") && !body.endsWith("\\$")) {
			body = body.substring(0, body.length() - 1);
		}
		String example = new RegexExample(body).alternatives();
		if (!example.matches(pattern.replaceAll("^\\^|\\$$", ""))) {
			throw new IllegalStateException("Cannot make an example for pattern " + pattern + " (got " + example + ")");
		}
		return example;
	}

	/** Reads alternatives up to the end or a closing parenthesis; keeps the first. */
	private String alternatives() {
		String first = sequence();
		while (peek() == '|') {
			this.position++;
			sequence();
		}
		return first;
	}

	private String sequence() {
		StringBuilder out = new StringBuilder();
		while (this.position < this.pattern.length() && peek() != '|' && peek() != ')') {
			boolean group = peek() == '(';
			String atom = atom();
			int[] repeat = quantifier();
			int times = (repeat[0] == 0 && group) ? 1 : repeat[0];
			out.append(atom.repeat(times));
		}
		return out.toString();
	}

	private String atom() {
		char c = this.pattern.charAt(this.position++);
		switch (c) {
			case '(' -> {
				if (this.pattern.startsWith("?:", this.position)) {
					this.position += 2;
				}
				String inner = alternatives();
				this.position++; // ')'
				return inner;
			}
			case '[' -> {
				int end = this.pattern.indexOf(']', this.position + 1);
				String chars = this.pattern.substring(this.position, end);
				this.position = end + 1;
				char pick = chars.charAt(0);
				if (pick == '\\') {
					pick = escaped(chars.charAt(1));
				}
				return String.valueOf(pick);
			}
			case '\\' -> {
				return String.valueOf(escaped(this.pattern.charAt(this.position++)));
			}
			case '.' -> {
				return "x";
			}
			default -> {
				return String.valueOf(c);
			}
		}
	}

	private static char escaped(char c) {
		return switch (c) {
			case 'd' -> '0';
			case 'w' -> 'a';
			case 's' -> ' ';
			default -> c;
		};
	}

	/** {min, max}; max -1 for unbounded. */
	private int[] quantifier() {
		if (this.position >= this.pattern.length()) {
			return new int[] { 1, 1 };
		}
		char c = peek();
		switch (c) {
			case '?' -> {
				this.position++;
				return new int[] { 0, 1 };
			}
			case '*' -> {
				this.position++;
				return new int[] { 0, -1 };
			}
			case '+' -> {
				this.position++;
				return new int[] { 1, -1 };
			}
			case '{' -> {
				int end = this.pattern.indexOf('}', this.position);
				String[] bounds = this.pattern.substring(this.position + 1, end).split(",", -1);
				this.position = end + 1;
				int min = Integer.parseInt(bounds[0]);
				int max = (bounds.length == 1) ? min : bounds[1].isEmpty() ? -1 : Integer.parseInt(bounds[1]);
				return new int[] { min, max };
			}
			default -> {
				return new int[] { 1, 1 };
			}
		}
	}

	private char peek() {
		return (this.position < this.pattern.length()) ? this.pattern.charAt(this.position) : '\0';
	}

}
