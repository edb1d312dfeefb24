package cn.resettlement.reporting.document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.pdf.BaseFont;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.resettlement.platform.web.ApiException;
import cn.resettlement.reporting.config.ReportingProperties;

/**
 * The font with Chinese glyphs that PDFs embed (as a subset). No CJK font comes with a
 * new machine: it is read from {@code reporting.documents.font-path}, else from the first
 * of the usual places that has one (Debian's fonts-wqy-microhei or fonts-noto-cjk, ...).
 * Without one, a PDF request fails with a problem that says how to fix it.
 */
@Component
public class CjkFont {

	/** Where Linux distributions, macOS and Windows put fonts with Chinese glyphs. */
	static final List<String> USUAL_PLACES = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
			"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
			"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
			"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
			"/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
			"/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
			"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", "/usr/share/fonts/truetype/arphic/uming.ttc",
			"/System/Library/Fonts/PingFang.ttc", "/Library/Fonts/Arial Unicode.ttf", "C:/Windows/Fonts/simsun.ttc",
			"C:/Windows/Fonts/msyh.ttc");

	private static final Logger log = LoggerFactory.getLogger(CjkFont.class);

	private final List<String> candidates;

	private volatile BaseFont font;

	@Autowired
	CjkFont(ReportingProperties properties) {
		this(candidates(properties.documents().fontPath()));
	}

	CjkFont(List<String> candidates) {
		this.candidates = List.copyOf(candidates);
	}

	private static List<String> candidates(String configured) {
		List<String> all = new ArrayList<>();
		if (configured != null && !configured.isBlank()) {
			all.add(configured);
		}
		all.addAll(USUAL_PLACES);
		return all;
	}

	/**
	 * @throws ApiException 503 {@code cjk-font-missing} when no font with Chinese glyphs
	 * can be found
	 */
	BaseFont font() {
		BaseFont loaded = this.font;
		if (loaded == null) {
			synchronized (this) {
				if (this.font == null) {
					this.font = load();
				}
				loaded = this.font;
			}
		}
		return loaded;
	}

	/** The file the font is read from, or {@code null} when none is found. */
	public String source() {
		for (String candidate : this.candidates) {
			if (Files.isReadable(Path.of(candidate))) {
				return candidate;
			}
		}
		return null;
	}

	private BaseFont load() {
		List<String> problems = new ArrayList<>();
		for (String candidate : this.candidates) {
			if (!Files.isReadable(Path.of(candidate))) {
				continue;
			}
			String name = candidate.toLowerCase().endsWith(".ttc") ? candidate + ",0" : candidate;
			try {
				BaseFont font = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
				if (font.charExists('中') && font.charExists('财')) {
					log.info("PDFs embed the CJK font {}", candidate);
					return font;
				}
				problems.add(candidate + " has no Chinese glyphs");
			}
			catch (Exception ex) {
				problems.add(candidate + ": " + ex.getMessage());
			}
		}
		throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "cjk-font-missing",
				"No font with Chinese glyphs was found for the PDF. Install one (Debian/Ubuntu: apt-get install "
						+ "fonts-wqy-microhei, or fonts-noto-cjk) or set reporting.documents.font-path "
						+ "(REPORTING_FONT_PATH) to a .ttf/.otf/.ttc file. Looked in: " + this.candidates
						+ (problems.isEmpty() ? "" : "; unusable: " + problems));
	}

}
