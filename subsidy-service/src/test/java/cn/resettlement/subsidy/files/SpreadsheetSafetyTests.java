package cn.resettlement.subsidy.files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetSafetyTests {

	@Test
	void neutralisesCellsThatASpreadsheetWouldRunAsFormulas() {
		assertThat(SpreadsheetSafety.text("=HYPERLINK(\"http://x\",\"李明\")")).startsWith("'=");
		assertThat(SpreadsheetSafety.text("+1+1")).isEqualTo("'+1+1");
		assertThat(SpreadsheetSafety.text("-2+3")).isEqualTo("'-2+3");
		assertThat(SpreadsheetSafety.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SpreadsheetSafety.text("\tcmd")).isEqualTo("'\tcmd");
		assertThat(SpreadsheetSafety.text("＝1+1")).isEqualTo("'＝1+1");
	}

	@Test
	void leavesOrdinaryTextAlone() {
		assertThat(SpreadsheetSafety.text("李明")).isEqualTo("李明");
		assertThat(SpreadsheetSafety.text("430582198001011237")).isEqualTo("430582198001011237");
		assertThat(SpreadsheetSafety.text("a=b")).isEqualTo("a=b");
		assertThat(SpreadsheetSafety.text("")).isEmpty();
		assertThat(SpreadsheetSafety.text(null)).isNull();
	}

}
