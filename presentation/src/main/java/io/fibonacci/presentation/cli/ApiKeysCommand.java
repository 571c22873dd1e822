package io.fibonacci.presentation.cli;

import io.fibonacci.application.port.in.identity.ApiKeyView;
import io.fibonacci.application.port.in.identity.IssuedApiKey;
import io.fibonacci.application.port.in.identity.ManageApiKeysUseCase;
import io.micronaut.context.ApplicationContext;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar fibonacci-api.jar api-keys create --plan NAME [--label TEXT] | list | revoke
 * ID}: manages API keys in the configured store and exits, without starting the HTTP server. The
 * secret of a new key is printed once, on its own line, and kept nowhere.
 */
public final class ApiKeysCommand {

  public static final String NAME = "api-keys";

  static final String USAGE =
      "usage: api-keys create --plan NAME [--label TEXT] | api-keys list | api-keys revoke ID";

  private final ManageApiKeysUseCase keys;
  private final PrintStream out;
  private final PrintStream err;

  ApiKeysCommand(ManageApiKeysUseCase keys, PrintStream out, PrintStream err) {
    this.keys = keys;
    this.out = out;
    this.err = err;
  }

  /** Runs the command in a context of its own (no server, no job workers); the exit status. */
  public static int run(String[] args) {
    // Before anything logs: stdout is for the command's output (a new key, the list) only.
    System.setProperty("LOG_TARGET", "System.err");
    if (System.getenv("LOG_LEVEL") == null) {
      System.setProperty("LOG_LEVEL", "WARN");
    }
    if (System.getenv("FIBONACCI_LOG_LEVEL") == null) {
      System.setProperty("FIBONACCI_LOG_LEVEL", "WARN");
    }
    Map<String, Object> properties =
        Map.of(
            "fibonacci.role",
            "api",
            "auth.api-keys.watch",
            false,
            "auth.api-keys.check-plans",
            false,
            "micronaut.server.port",
            -1);
    try (ApplicationContext context = ApplicationContext.builder(properties).start()) {
      return new ApiKeysCommand(context.getBean(ManageApiKeysUseCase.class), System.out, System.err)
          .execute(List.of(args).subList(1, args.length));
    }
  }

  int execute(List<String> args) {
    try {
      if (args.isEmpty()) {
        return usage();
      }
      return switch (args.get(0)) {
        case "create" -> create(args.subList(1, args.size()));
        case "list" -> args.size() == 1 ? list() : usage();
        case "revoke" -> args.size() == 2 ? revoke(args.get(1)) : usage();
        default -> usage();
      };
    } catch (IllegalArgumentException | IllegalStateException refused) {
      err.println("api-keys: " + refused.getMessage());
      return 1;
    }
  }

  private int create(List<String> args) {
    Optional<String> plan = option(args, "--plan");
    if (plan.isEmpty()) {
      return usage();
    }
    IssuedApiKey issued = keys.create(plan.get(), option(args, "--label").orElse(""));
    err.println(
        "Created "
            + issued.key().id()
            + " (plan "
            + issued.key().plan()
            + "). The key is shown once, below; only its SHA-256 is kept.");
    out.println(issued.secret());
    return 0;
  }

  private int list() {
    out.println("id\tplan\tcreated\tstate\tlabel");
    for (ApiKeyView key : keys.list()) {
      out.println(
          String.join(
              "\t",
              key.id(),
              key.plan(),
              key.createdAt().toString(),
              key.revoked() ? "revoked" : "active",
              key.label()));
    }
    return 0;
  }

  private int revoke(String id) {
    Optional<ApiKeyView> revoked = keys.revoke(id);
    if (revoked.isEmpty()) {
      err.println("api-keys: no key " + id);
      return 1;
    }
    err.println("Revoked " + id + "; running instances refuse it within seconds.");
    return 0;
  }

  private static Optional<String> option(List<String> args, String name) {
    for (int i = 0; i < args.size() - 1; i++) {
      if (args.get(i).equals(name)) {
        return Optional.of(args.get(i + 1));
      }
    }
    return Optional.empty();
  }

  private int usage() {
    err.println(USAGE);
    return 2;
  }
}
