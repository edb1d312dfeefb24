package cn.resettlement.training.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;

import cn.resettlement.testsupport.IntegrationTest;

/**
 * An {@link IntegrationTest} of training-service against the real population-service
 * ({@link PopulationService}). Use it on every integration test class of this module:
 * they then share one Spring context and one population-service process.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@IntegrationTest
@ContextConfiguration(initializers = PopulationServiceInitializer.class)
public @interface TrainingIntegrationTest {

}
