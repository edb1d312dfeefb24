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
 * Like {@link IntegrationTest}, but the service talks to a Kafka broker in its own
 * process ({@link OwnBroker#broker()}) that the test can kill and restart, and it has a
 * database of its own. For outage tests; it is a second Spring context, so use it
 * sparingly.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "resettlement.security.jwt.dev-key=true", "resettlement.outbox.max-backoff=2s",
				"resettlement.events.validate=true" })
@AutoConfigureRestTestClient
@Import(OwnBroker.class)
public @interface OwnBrokerIntegrationTest {

}
