package cn.resettlement.project.project;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.project.ProjectMother;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestTokens;

import static cn.resettlement.project.ProjectMother.PROJECTS;
import static cn.resettlement.project.ProjectMother.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that together would overdraw race each other: the row lock of the conditional
 * update lets exactly as many through as the balance covers.
 */
@IntegrationTest
class ConcurrentDrawIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	TestHttp staff;

	ExecutorService pool;

	@BeforeEach
	void setUp() {
		this.staff = new TestHttp(this.client).as(TestTokens.staff("chen"));
		this.pool = Executors.newFixedThreadPool(8);
	}

	@AfterEach
	void tearDown() throws InterruptedException {
		this.pool.shutdownNow();
		this.pool.awaitTermination(10, TimeUnit.SECONDS);
	}

	@Test
	void twoProposalsThatTogetherOverdrawAnAllocationGetOneCreatedAndOneConflict() throws Exception {
		String allocation = ProjectMother.allocate(this.staff, YEAR, "FIRST_BATCH", "100");
		List<TestHttp.Response> responses = race(2, (i) -> () -> this.staff.post(PROJECTS,
				ProjectMother.funded(YEAR, "INFRASTRUCTURE", ProjectMother.TOWNSHIP, "60", allocation, "60")));

		assertThat(responses).extracting(TestHttp.Response::status).containsExactlyInAnyOrder(201, 409);
		TestHttp.Response conflict = responses.stream().filter((r) -> r.status() == 409).findFirst().orElseThrow();
		assertThat(conflict.at("/type")).isEqualTo("/problems/allocation-overdrawn");
		assertThat(remaining(allocation)).isEqualByComparingTo("40");
		assertThat(this.jdbc.sql("select count(*), sum(amount_fen) from project_funding where allocation_id = ?::uuid")
			.param(allocation)
			.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
			.single()).containsExactly(1L, 6_000L);
	}

	@Test
	void manyConcurrentDrawsNeverTakeMoreThanTheAllocationHolds() throws Exception {
		String allocation = ProjectMother.allocate(this.staff, YEAR, "WITHIN_600", "100");
		List<TestHttp.Response> responses = race(8, (i) -> () -> this.staff.post(PROJECTS,
				ProjectMother.funded(YEAR, "INDUSTRY", ProjectMother.TOWNSHIP, "30", allocation, "30")));

		assertThat(responses).filteredOn((r) -> r.status() == 201).hasSize(3);
		assertThat(responses).filteredOn((r) -> r.status() == 409).hasSize(5);
		assertThat(remaining(allocation)).isEqualByComparingTo("10");
	}

	@Test
	void concurrentDisbursementsNeverExceedTheFunding() throws Exception {
		String allocation = ProjectMother.allocate(this.staff, YEAR, "OTHER", "100");
		String id = ProjectMother
			.propose(this.staff,
					ProjectMother.funded(YEAR, "INFRASTRUCTURE", ProjectMother.TOWNSHIP, "100", allocation, "100"))
			.at("/id");
		ProjectMother.approveAndStart(this.staff, id, YEAR);
		List<TestHttp.Response> responses = race(2,
				(i) -> () -> this.staff.post(PROJECTS + "/" + id + "/disbursements", Map.of("amount",
						new BigDecimal("60"), "paidOn", YEAR + "-05-01", "voucherNo", ProjectMother.unique("记"))));

		assertThat(responses).extracting(TestHttp.Response::status).containsExactlyInAnyOrder(201, 409);
		assertThat(this.staff.get(PROJECTS + "/" + id).json().get("disbursed").decimalValue())
			.isEqualByComparingTo("60");
	}

	@Test
	void concurrentDividendsNeverExceedTheIncome() throws Exception {
		String asset = ProjectMother.unique("光伏电站");
		assertThat(this.staff
			.post("/api/v1/projects/asset-incomes",
					Map.of("asset", asset, "year", 2021, "amount", 1000, "receivedOn", "2021-12-01"))
			.status()).isEqualTo(201);
		List<TestHttp.Response> responses = race(3, (i) -> () -> this.staff.post("/api/v1/projects/dividends",
				Map.of("asset", asset, "year", 2021, "amount", 400, "paidOn", "2022-01-10", "recipients", 16)));

		assertThat(responses).filteredOn((r) -> r.status() == 201).hasSize(2);
		assertThat(responses).filteredOn((r) -> r.status() == 409)
			.singleElement()
			.satisfies((r) -> assertThat(r.at("/type")).isEqualTo("/problems/dividends-exceed-income"));
	}

	/** Runs the calls at the same moment and returns their responses. */
	private List<TestHttp.Response> race(int n, IntFunction<Callable<TestHttp.Response>> calls) throws Exception {
		CyclicBarrier start = new CyclicBarrier(n);
		List<Future<TestHttp.Response>> futures = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Callable<TestHttp.Response> call = calls.apply(i);
			futures.add(this.pool.submit(() -> {
				start.await(10, TimeUnit.SECONDS);
				return call.call();
			}));
		}
		List<TestHttp.Response> responses = new ArrayList<>();
		for (Future<TestHttp.Response> future : futures) {
			responses.add(future.get(30, TimeUnit.SECONDS));
		}
		return responses;
	}

	private BigDecimal remaining(String allocation) {
		return this.staff.get(ProjectMother.ALLOCATIONS + "/" + allocation).json().get("remaining").decimalValue();
	}

}
