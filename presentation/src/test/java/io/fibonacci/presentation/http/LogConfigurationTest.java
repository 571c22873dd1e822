package io.fibonacci.presentation.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import io.opentelemetry.instrumentation.logback.mdc.v1_0.OpenTelemetryAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The production logback.xml (not the tests' one): JSON lines that carry the trace ids. */
class LogConfigurationTest {

  @Test
  void sendsEveryLineThroughTheTraceIdAppenderToTheJsonOutput() throws Exception {
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(getClass().getResource("/logback.xml"));

    Appender<ILoggingEvent> root =
        context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("TRACE_IDS");

    assertThat(root).isInstanceOf(OpenTelemetryAppender.class);
    assertThat(((OpenTelemetryAppender) root).getAppender("ASYNC")).isNotNull();
    context.stop();
  }
}
