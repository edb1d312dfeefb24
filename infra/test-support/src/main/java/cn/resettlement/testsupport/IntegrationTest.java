package cn.resettlement.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A test of the whole service over HTTP with a real PostgreSQL and a real Kafka broker
 * ({@link TestInfrastructure}). Every class with this annotation shares one Spring
 * context per module, so keep per-class configuration out of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "resettlement.security.jwt.dev-key=true", "resettlement.jobs.threads=2",
				"resettlement.events.validate=true" })
@AutoConfigureRestTestClient
@Import(TestInfrastructureConfiguration.class)
public @interface IntegrationTest {

}
