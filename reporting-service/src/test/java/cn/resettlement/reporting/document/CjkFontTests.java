package cn.resettlement.reporting.document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.resettlement.platform.web.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CjkFontTests {

	@Test
	void withoutAFontThePdfFailsWithAProblemThatSaysHowToFixIt() {
		CjkFont font = new CjkFont(List.of("/nowhere/wqy-microhei.ttc"));
		assertThat(font.source()).isNull();
		assertThatThrownBy(font::font).isInstanceOfSatisfying(ApiException.class, (ex) -> {
			assertThat(ex.status().value()).isEqualTo(503);
			assertThat(ex.slug()).isEqualTo("cjk-font-missing");
			assertThat(ex.getMessage()).contains("apt-get install fonts-wqy-microhei", "reporting.documents.font-path",
					"/nowhere/wqy-microhei.ttc");
		});
	}

	@Test
	void aFileWithoutChineseGlyphsIsNotTaken() throws Exception {
		Path notAFont = Files.createTempFile("not-a-font", ".ttf");
		Files.writeString(notAFont, "no glyphs here");
		assertThatThrownBy(() -> new CjkFont(List.of(notAFont.toString())).font()).isInstanceOf(ApiException.class)
			.hasMessageContaining(notAFont.toString());
	}

	@Test
	void theFirstUsualPlaceWithAFontIsUsed() {
		String installed = new CjkFont(CjkFont.USUAL_PLACES).source();
		assumeTrue(installed != null, "no CJK font installed (apt-get install fonts-wqy-microhei)");
		assertThat(new CjkFont(CjkFont.USUAL_PLACES).font().charExists('财')).isTrue();
	}

}
