package cn.resettlement.platform.web;

import java.util.regex.Pattern;

import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Integers in paths and query parameters are decimal digits. Spring's own conversion also
 * reads hexadecimal ({@code 0x7E5}, {@code #7E5}), so {@code PUT /policies/0x7E5} would
 * set the policy of 2021. Blank stays "not given", as with Spring's conversion; anything
 * else that is not a decimal integer in range is a 400 naming the parameter.
 */
public final class DecimalNumbers implements WebMvcConfigurer {

	private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+");

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(String.class, Integer.class, integers());
		registry.addConverter(String.class, Long.class, longs());
	}

	static Converter<String, Integer> integers() {
		return (text) -> {
			String value = decimal(text);
			return (value != null) ? Integer.valueOf(value) : null;
		};
	}

	static Converter<String, Long> longs() {
		return (text) -> {
			String value = decimal(text);
			return (value != null) ? Long.valueOf(value) : null;
		};
	}

	private static String decimal(String text) {
		String value = text.strip();
		if (value.isEmpty()) {
			return null;
		}
		if (!DECIMAL.matcher(value).matches()) {
			throw new NumberFormatException("not a decimal integer: " + value);
		}
		return value;
	}

}
