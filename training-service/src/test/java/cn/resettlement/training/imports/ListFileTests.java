package cn.resettlement.training.imports;

import cn.resettlement.platform.tabular.TabularFileException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ListFileTests {

	private static final Map<String, List<String>> COLUMNS = Map.of("idNumber", List.of("身份证号"), "name", List.of("姓名"));

	@TempDir
	Path dir;

	@Test
	void readsAGbkCsvFromExcelWithChineseHeadersInAnyOrder() throws IOException {
		Path file = this.dir.resolve("list.csv");
		Files.write(file,
				"姓名,身份证号\r\n李明,430582198003151234\r\n\r\n王芳,43058219900101002X\r\n".getBytes(Charset.forName("GBK")));

		List<List<String>> rows = read(file);

		Header header = Header.locate(rows.get(0), COLUMNS, List.of("idNumber"));
		assertThat(rows).hasSize(3);
		assertThat(header.cell(rows.get(1), "name")).isEqualTo("李明");
		assertThat(header.cell(rows.get(2), "idNumber")).isEqualTo("43058219900101002X");
	}

	@Test
	void readsAUtf8CsvWithAByteOrderMark() throws IOException {
		Path file = this.dir.resolve("list.csv");
		Files.write(file, "\uFEFFidNumber\n430582198003151234\n".getBytes(StandardCharsets.UTF_8));

		List<List<String>> rows = read(file);

		assertThat(Header.locate(rows.get(0), COLUMNS, List.of("idNumber")).cell(rows.get(1), "idNumber"))
			.isEqualTo("430582198003151234");
	}

	@Test
	void readsTheFirstSheetOfAnXlsxWorkbook() throws IOException {
		Path file = this.dir.resolve("list.bin");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet();
			sheet.createRow(0).createCell(0).setCellValue("身份证号");
			sheet.createRow(1).createCell(0).setCellValue("430582198003151234");
			sheet.createRow(3).createCell(0).setCellValue("43058219900101002X");
			workbook.write(out);
			Files.write(file, out.toByteArray());
		}

		List<List<String>> rows = read(file);

		assertThat(rows).extracting((r) -> r.get(0))
			.containsExactly("身份证号", "430582198003151234", "43058219900101002X");
	}

	@Test
	void namesTheMissingColumns() {
		assertThatExceptionOfType(TabularFileException.class)
			.isThrownBy(() -> Header.locate(List.of("姓名", "电话"), COLUMNS, List.of("idNumber")))
			.withMessageContaining("idNumber");
	}

	private static List<List<String>> read(Path file) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		ListFile.read(file, (number, cells) -> rows.add(cells));
		return rows;
	}

}
