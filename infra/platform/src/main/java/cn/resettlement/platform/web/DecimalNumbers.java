package cn.resettlement.platform.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.beans.PropertyEditorRegistry;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Integers in paths and query parameters are decimal digits. Spring's own conversion also
 * reads hexadecimal ({@code 0x7E5}, {@code #7E5}), so {@code PUT /policies/0x7E5} would
 * set the policy of 2021 — and when a conversion service refuses a value, the data binder
 * falls back to that same lenient editor, so the rule is a custom editor, which the
 * binder asks first. Blank stays "not given" for {@code Integer}/{@code Long}, as with
 * Spring; anything else that is not a decimal integer in range is a 400 naming the
 * parameter.
 */
@ControllerAdvice
public class DecimalNumbers {

	private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+");

	@InitBinder
	public void decimalOnly(WebDataBinder binder) {
		register(binder);
	}

	static void register(PropertyEditorRegistry registry) {
		registry.registerCustomEditor(int.class, new Decimal<>(Integer::valueOf, false));
		registry.registerCustomEditor(Integer.class, new Decimal<>(Integer::valueOf, true));
		registry.registerCustomEditor(long.class, new Decimal<>(Long::valueOf, false));
		registry.registerCustomEditor(Long.class, new Decimal<>(Long::valueOf, true));
	}

	private static final class Decimal<T extends Number> extends PropertyEditorSupport {

		private final Function<String, T> parse;

		private final boolean allowEmpty;

		Decimal(Function<String, T> parse, boolean allowEmpty) {
			this.parse = parse;
			this.allowEmpty = allowEmpty;
		}

		@Override
		public void setAsText(String text) {
			String value = (text != null) ? text.strip() : "";
			if (value.isEmpty() && this.allowEmpty) {
				setValue(null);
				return;
			}
			if (!DECIMAL.matcher(value).matches()) {
				throw new IllegalArgumentException("not a decimal integer: " + value);
			}
			// NumberFormatException (an IllegalArgumentException) when out of range
			setValue(this.parse.apply(value));
		}

		@Override
		public String getAsText() {
			Object value = getValue();
			return (value != null) ? value.toString() : "";
		}

	}

}
