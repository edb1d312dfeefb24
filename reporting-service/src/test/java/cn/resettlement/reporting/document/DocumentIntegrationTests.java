package cn.resettlement.reporting.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.reporting.fixtures.ReferenceYear;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report document as HTML, DOCX and PDF. The PDF embeds its Chinese font: a page is
 * rendered to an image (target/report-2024.pdf and its first page as
 * target/report-2024-page-1.png, to look at) and must carry ink, and its text must
 * extract as the Chinese it was written with.
 */
@IntegrationTest
class DocumentIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	KafkaConnectionDetails kafka;

	TestHttp auditor;

	@BeforeEach
	void setUp() {
		ReferenceYear.ensurePublished(this.kafka, new TestHttp(this.client).as(TestTokens.admin("zhuren")));
		this.auditor = new TestHttp(this.client).as(TestTokens.auditor("caizheng"));
	}

	@Test
	void theHtmlDocumentHasTheSectionsAndTheIndicatorTable() {
		TestHttp.Response html = this.auditor.get("/api/v1/reports/2024/performance.html");
		assertThat(html.status()).isEqualTo(200);
		assertThat(html.contentType().toString()).startsWith("text/html");
		assertThat(html.body()).contains("<h1>邵东市库区移民事务中心2024年整体绩效自评报告</h1>", "<h2>一、单位基本概况</h2>",
				"<h2>二、单位整体支出绩效状况</h2>", "<h2>三、绩效指标完成情况</h2>", "共计9702.06万元", "<th>得分</th>", "直补资金兑付率", "数据说明");
	}

	@Test
	void theWordDocumentCarriesTheSameText() throws Exception {
		TestHttp.Response docx = this.auditor.get("/api/v1/reports/2024/performance.docx");
		assertThat(docx.status()).isEqualTo(200);
		assertThat(docx.headers().getContentDisposition().getFilename()).isEqualTo("邵东市库区移民事务中心2024年整体绩效自评报告.docx");
		byte[] bytes = this.auditor.download("/api/v1/reports/2024/performance.docx");
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes));
				XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
			String text = extractor.getText();
			assertThat(text).contains("一、单位基本概况", "发放2024年全年600元到人直补资金1984.2万元", "对反映的问题办结率达百分之百", "偏差原因及改进措施");
			assertThat(document.getTables()).hasSize(1);
			assertThat(document.getTables().get(0).getRows()).hasSize(15);
		}
	}

	@Test
	void thePdfEmbedsAChineseFontAndRendersChinese() throws Exception {
		byte[] pdf = this.auditor.download("/api/v1/reports/2024/performance.pdf");
		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target", "report-2024.pdf"), pdf);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(3);
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
			assertThat(text).contains("一、单位基本概况", "上级下达我市各类资金计划共计9702.06万元", "工程整体进度95%", "自评得分");
			PDFont font = document.getPage(0)
				.getResources()
				.getFont(document.getPage(0).getResources().getFontNames().iterator().next());
			assertThat(font.isEmbedded()).isTrue();
			BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 72);
			Path image = Path.of("target", "report-2024-page-1.png");
			Files.createDirectories(image.getParent());
			ImageIO.write(page, "png", new File(image.toString()));
			assertThat(darkPixels(page)).as("the page carries text").isGreaterThan(5_000);
		}
	}

	private static int darkPixels(BufferedImage image) {
		int dark = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int rgb = image.getRGB(x, y);
				int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
				if (grey < 128) {
					dark++;
				}
			}
		}
		return dark;
	}

}
