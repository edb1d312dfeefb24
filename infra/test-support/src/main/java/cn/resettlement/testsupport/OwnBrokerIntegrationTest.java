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
import org.springframework.test.annotation.DirtiesContext;

/**
 * Like {@link IntegrationTest}, but the service talks to a Kafka broker in its own
 * process ({@link OwnBroker#broker()}) that the test can kill and restart, and it has a
 * database of its own. For outage tests; it is a second Spring context, so use it
 * sparingly. The context is closed after the class (its relay, listeners and broker
 * process stop) instead of staying cached next to the shared one for the rest of the run.
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
@DirtiesContext
public @interface OwnBrokerIntegrationTest {

}
