package cn.resettlement.platform.config;

import java.time.Clock;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;

import cn.resettlement.platform.audit.AuditTrail;
import cn.resettlement.platform.jobs.Jobs;
import cn.resettlement.platform.jobs.JobsController;
import cn.resettlement.platform.web.Idempotency;
import cn.resettlement.platform.web.ProblemDetailsAdvice;
import cn.resettlement.platform.web.DecimalNumbers;
import cn.resettlement.platform.web.StrictJson;

/**
 * The platform's mechanisms for a service with a database: its own tables (migrated with
 * a separate Flyway history), audit trail, idempotency keys, jobs, the error model and
 * strict JSON.
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, JdbcClientAutoConfiguration.class },
		before = FlywayAutoConfiguration.class)
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformAutoConfiguration {

	/** "Now" for business rules: instants are UTC, dates are dates in the unit's zone. */
	@Bean
	@ConditionalOnMissingBean
	Clock clock(PlatformProperties properties) {
		return Clock.system(properties.zone());
	}

	@Bean
	StrictJson strictJson() {
		return new StrictJson();
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	DecimalNumbers decimalNumbers() {
		return new DecimalNumbers();
	}

	@Bean
	@ConditionalOnWebApplication
	ProblemDetailsAdvice problemDetailsAdvice() {
		return new ProblemDetailsAdvice();
	}

	/**
	 * Platform tables, migrated before anything uses them, with their own history table.
	 */
	@Bean
	@ConditionalOnBean(DataSource.class)
	PlatformSchema platformSchema(DataSource dataSource) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/platform")
			.table("platform_schema_history")
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
		return new PlatformSchema();
	}

	@Bean
	@ConditionalOnBean(DataSource.class)
	AuditTrail auditTrail(PlatformSchema schema, JdbcClient jdbc, JsonMapper json) {
		return new AuditTrail(jdbc, json);
	}

	@Bean
	@ConditionalOnBean(DataSource.class)
	Idempotency idempotency(PlatformSchema schema, JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json) {
		return new Idempotency(jdbc, transactions, json);
	}

	@Bean(destroyMethod = "shutdown")
	@ConditionalOnBean(DataSource.class)
	Jobs jobs(PlatformSchema schema, JdbcClient jdbc, JsonMapper json, Clock clock, PlatformProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(properties.jobs().threads());
		executor.setThreadNamePrefix("job-");
		executor.setWaitForTasksToCompleteOnShutdown(false);
		executor.initialize();
		return new Jobs(jdbc, json, clock, executor, properties.jobs().staleAfter());
	}

	@Bean
	@ConditionalOnWebApplication
	@ConditionalOnBean(DataSource.class)
	JobsController jobsController(Jobs jobs) {
		return new JobsController(jobs);
	}

	/** Marker: the platform tables exist. */
	public static final class PlatformSchema {

	}

}
