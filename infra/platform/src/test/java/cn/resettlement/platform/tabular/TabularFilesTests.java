package cn.resettlement.platform.tabular;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TabularFilesTests {

	@TempDir
	Path dir;

	@Test
	void readsCsvInUtf8WithBomAndInGb18030() throws IOException {
		Path utf8 = this.dir.resolve("utf8.csv");
		Files.write(utf8, concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
				"姓名,身份证号码\n张三,430582198003151236\n".getBytes(StandardCharsets.UTF_8)));
		Path gb = this.dir.resolve("gb.csv");
		Files.write(gb, "姓名,身份证号码\n李四,430582198003151236\n".getBytes(Charset.forName("GB18030")));

		assertThat(rows(utf8)).containsExactly(List.of("姓名", "身份证号码"), List.of("张三", "430582198003151236"));
		assertThat(rows(gb)).containsExactly(List.of("姓名", "身份证号码"), List.of("李四", "430582198003151236"));
		assertThat(TabularFiles.estimateRows(utf8)).isEqualTo(1);
	}

	@Test
	void readsTheFirstSheetOfAWorkbookWithGapsAsEmptyCells() throws IOException {
		Path xlsx = workbook("姓名", null, "金额");

		assertThat(TabularFiles.isXlsx(xlsx)).isTrue();
		assertThat(TabularFiles.estimateRows(xlsx)).isEqualTo(-1);
		assertThat(rows(xlsx)).containsExactly(List.of("姓名", "", "金额"));
	}

	@Test
	void aConsumersOwnFailureIsNotMistakenForAnUnreadableWorkbook() throws IOException {
		Path xlsx = workbook("no", "header");
		class HeaderRejected extends RuntimeException {

		}

		assertThatExceptionOfType(HeaderRejected.class).isThrownBy(() -> TabularFiles.open(xlsx).read((row, cells) -> {
			throw new HeaderRejected();
		}));
	}

	@Test
	void aFileThatIsNeitherCsvNorAWorkbookIsRejectedAsAWhole() throws IOException {
		Path broken = this.dir.resolve("broken.xlsx");
		Files.write(broken, new byte[] { 'P', 'K', 3, 4, 0, 0, 0 });

		assertThatExceptionOfType(TabularFileException.class).isThrownBy(() -> rows(broken))
			.withMessageContaining("not a readable XLSX");
	}

	private static List<List<String>> rows(Path file) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		TabularFiles.open(file).read((row, cells) -> rows.add(List.copyOf(cells)));
		return rows;
	}

	private Path workbook(String... header) throws IOException {
		Path file = this.dir.resolve("list.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet();
			Row row = sheet.createRow(0);
			for (int i = 0; i < header.length; i++) {
				if (header[i] != null) {
					row.createCell(i).setCellValue(header[i]);
				}
			}
			workbook.write(out);
		}
		return file;
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] all = new byte[a.length + b.length];
		System.arraycopy(a, 0, all, 0, a.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

}
