package io.fibonacci;

import io.fibonacci.presentation.cli.ApiKeysCommand;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.servers.Server;

/** Starts the Fibonacci API. */
@OpenAPIDefinition(
    info =
        @Info(
            title = "Fibonacci API",
            version = "1",
            description =
                "Exact Fibonacci numbers F(n) as decimal strings, cached and rate limited per client.",
            license = @License(name = "MIT", url = "https://spdx.org/licenses/MIT.html")),
    servers = @Server(url = "/", description = "The instance serving this document"))
public final class Application {

  private Application() {}

  /** Serves the API, or, with {@code api-keys ...}, manages API keys and exits. */
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals(ApiKeysCommand.NAME)) {
      System.exit(ApiKeysCommand.run(args));
    }
    Micronaut.build(args).banner(false).mainClass(Application.class).start();
  }
}
