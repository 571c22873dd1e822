package io.fibonacci;

import io.fibonacci.presentation.cli.ApiKeysCommand;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
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
    servers = @Server(url = "/", description = "The instance serving this document"),
    // Optional everywhere: no credential (the empty requirement) is anonymous, per address.
    security = {
      @SecurityRequirement(name = "apiKey"),
      @SecurityRequirement(name = "bearer"),
      @SecurityRequirement(name = "")
    })
@SecurityScheme(
    name = "apiKey",
    type = SecuritySchemeType.APIKEY,
    in = SecuritySchemeIn.HEADER,
    paramName = "X-API-Key",
    description =
        "An API key (fib_ and 36 base62 characters), made with the jar's api-keys command;"
            + " its client is limited by its plan on every instance, whatever its address")
@SecurityScheme(
    name = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "The same API key as a bearer token (Authorization: Bearer fib_...)")
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
