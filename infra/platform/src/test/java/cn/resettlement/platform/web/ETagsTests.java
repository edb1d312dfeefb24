package cn.resettlement.platform.web;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ETagsTests {

	@Test
	void readsStrongAndWeakVersionTags() {
		assertThat(ETags.expectedVersion(ETags.of(7))).isEqualTo(7);
		assertThat(ETags.expectedVersion("W/\"3\"")).isEqualTo(3);
	}

	@Test
	void aMissingIfMatchIs428AndAForeignOneIs412() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> ETags.expectedVersion(null))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> ETags.expectedVersion("\"abc\""))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.PRECONDITION_FAILED));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> ETags.requireUpdated(0))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.PRECONDITION_FAILED));
	}

	@Test
	void pageQueriesAreBounded() {
		assertThat(PageQuery.of(null, null)).isEqualTo(new PageQuery(0, 50));
		assertThat(new PageQuery(2, 500).offset()).isEqualTo(1000);
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> PageQuery.of(0, 501));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> PageQuery.of(-1, 10));
	}

}
