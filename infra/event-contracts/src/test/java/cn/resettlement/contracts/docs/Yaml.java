package cn.resettlement.contracts.docs;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Writes a JSON tree as block YAML (strings double-quoted, which is JSON's own escaping)
 * and replaces the generated regions of a hand-written document, delimited by
 * {@code # BEGIN GENERATED <name>} and {@code # END GENERATED <name>} comment lines.
 */
final class Yaml {

	private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

	private static final Set<String> RESERVED = Set.of("true", "false", "null", "yes", "no", "on", "off", "y", "n",
			"~");

	private Yaml() {
	}

	static String block(JsonNode node, int indent) {
		StringBuilder out = new StringBuilder();
		emit(node, indent, out);
		return out.toString();
	}

	private static void emit(JsonNode node, int indent, StringBuilder out) {
		String pad = " ".repeat(indent);
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				JsonNode value = field.getValue();
				out.append(pad).append(key(field.getKey())).append(':');
				if (inline(value)) {
					out.append(' ').append(scalar(value)).append('\n');
				}
				else {
					out.append('\n');
					emit(value, value.isArray() ? indent + 2 : indent + 2, out);
				}
			}
		}
		else if (node.isArray()) {
			for (JsonNode item : node) {
				if (inline(item)) {
					out.append(pad).append("- ").append(scalar(item)).append('\n');
				}
				else if (item.isObject()) {
					StringBuilder nested = new StringBuilder();
					emit(item, indent + 2, nested);
					out.append(pad).append("- ").append(nested.substring(indent + 2));
				}
				else {
					throw new IllegalArgumentException("Arrays of arrays are not written");
				}
			}
		}
		else {
			out.append(pad).append(scalar(node)).append('\n');
		}
	}

	private static boolean inline(JsonNode node) {
		return !(node.isContainer()) || node.isEmpty();
	}

	private static String scalar(JsonNode node) {
		if (node.isObject()) {
			return "{}";
		}
		if (node.isArray()) {
			return "[]";
		}
		if (node.isString()) {
			return ContractFiles.JSON.writeValueAsString(node.asString());
		}
		return node.toString();
	}

	private static String key(String key) {
		if (PLAIN_KEY.matcher(key).matches() && !RESERVED.contains(key.toLowerCase())) {
			return key;
		}
		return ContractFiles.JSON.writeValueAsString(key);
	}

	/**
	 * Replaces each generated region of the document with the given block, indented as
	 * its markers are.
	 */
	static String replaceRegions(String document, Map<String, JsonNode> regions) {
		String result = document;
		for (Map.Entry<String, JsonNode> region : regions.entrySet()) {
			Pattern markers = Pattern.compile("(?m)^( *)# BEGIN GENERATED " + Pattern.quote(region.getKey())
					+ "\\b.*\\n[\\s\\S]*?^ *# END GENERATED " + Pattern.quote(region.getKey()) + "\\b.*$");
			Matcher matcher = markers.matcher(result);
			if (!matcher.find()) {
				throw new IllegalStateException(
						"No '# BEGIN GENERATED " + region.getKey() + "' ... '# END GENERATED' region in the document");
			}
			String indent = matcher.group(1);
			String replacement = indent + "# BEGIN GENERATED " + region.getKey()
					+ " (GeneratedDocsTests; do not edit)\n" + block(region.getValue(), indent.length()) + indent
					+ "# END GENERATED " + region.getKey();
			result = result.substring(0, matcher.start()) + replacement + result.substring(matcher.end());
		}
		return result;
	}

	static List<String> regionNames() {
		return List.of("channels", "operations", "messages");
	}

}
